package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.schema.IntervalStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording whose recorder was killed has the opening boundary row recorders write but not the closing one:
 * it reads with a warning saying so (exit 1, partial). One stopped cleanly, or made before boundary rows
 * existed (the fixtures), reads as before.
 */
class AbruptEndTest {
    private static final Path DB = Fixtures.db();

    @Test
    void aRecordingWithoutItsClosingRowEndedAbruptly(@TempDir Path dir) throws IOException {
        List<IntervalStats> rows = rows();
        Path copy = copyWithIntervals(dir, opening(rows), rows);
        CliRun run = CliRun.of("summary", copy.toString(), "--format", "csv");
        assertEquals(1, run.status(), run.err());
        long endNs = rows.getLast().getIntervalEndNs();
        assertEquals("tracekit: warning: " + copy.resolve("intervals-000001.avro") + ": the recording ended abruptly "
                + "(no closing interval row: the recorder was killed or its host went down, or its last intervals file "
                + "is missing); events after " + Instant.ofEpochSecond(0, bootTimeWallNs() + endNs)
                + " were not written\n", run.err());
        assertEquals(CliRun.withFixtures("summary", "@db", "--format", "csv").out(), run.out(), "the same result");
    }

    @Test
    void aRecordingWithBothBoundaryRowsReadsAsBefore(@TempDir Path dir) throws IOException {
        List<IntervalStats> rows = rows();
        long endNs = rows.getLast().getIntervalEndNs();
        List<IntervalStats> closed = new ArrayList<>(rows);
        closed.add(BoundaryRows.at(endNs, 0, Map.of("OPENS", 0L)));
        Path copy = copyWithIntervals(dir, opening(rows), closed);
        for (String verb : List.of("summary", "opens", "syscalls")) {
            CliRun run = CliRun.of(verb, copy.toString(), "--format", "csv");
            assertEquals(0, run.status(), run.err());
            assertEquals("", run.err());
            assertEquals(CliRun.withFixtures(verb, "@db", "--format", "csv").out(), run.out(), verb);
        }
    }

    @Test
    void aRecordingFromBeforeBoundaryRowsIsNotJudged() {
        CliRun run = CliRun.withFixtures("summary", "@db");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
    }

    private static IntervalStats opening(List<IntervalStats> rows) {
        return BoundaryRows.at(rows.getFirst().getIntervalStartNs(), 0, Map.of("OPENS", 0L));
    }

    private static List<IntervalStats> rows() throws IOException {
        List<IntervalStats> rows = new ArrayList<>();
        try (DataFileReader<IntervalStats> reader = new DataFileReader<>(DB.resolve("intervals-000001.avro").toFile(),
                new SpecificDatumReader<>(IntervalStats.class))) {
            reader.forEach(rows::add);
        }
        return rows;
    }

    private static long bootTimeWallNs() throws IOException {
        try (DataFileReader<IntervalStats> reader = new DataFileReader<>(DB.resolve("intervals-000001.avro").toFile(),
                new SpecificDatumReader<>(IntervalStats.class))) {
            return Long.parseLong(reader.getMetaString("tracekit.boot_time_wall_ns"));
        }
    }

    /** The fixture with its intervals file rewritten: {@code first}, then {@code rest}. */
    private static Path copyWithIntervals(Path dir, IntervalStats first, List<IntervalStats> rest) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("db"));
        for (Path file : Files.list(DB).toList()) {
            if (!file.getFileName().toString().startsWith("intervals-")) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path source = DB.resolve("intervals-000001.avro");
        try (DataFileReader<IntervalStats> reader = new DataFileReader<>(source.toFile(),
                new SpecificDatumReader<>(IntervalStats.class));
                DataFileWriter<IntervalStats> writer = new DataFileWriter<>(new SpecificDatumWriter<>(IntervalStats.class))) {
            reader.getMetaKeys().stream().filter(key -> !key.startsWith("avro."))
                    .forEach(key -> writer.setMeta(key, reader.getMeta(key)));
            writer.create(IntervalStats.getClassSchema(), copy.resolve("intervals-000001.avro").toFile());
            writer.append(first);
            for (IntervalStats row : rest) {
                writer.append(row);
            }
        }
        return copy;
    }
}
