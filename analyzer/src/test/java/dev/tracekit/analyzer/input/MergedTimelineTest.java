package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.recording.RecordingMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays of several recordings come out in one time order with a HOST column: here the web fixture beside a
 * copy of itself recorded on "web-2" whose clock runs 0.5 s later, so the two interleave row by row.
 */
class MergedTimelineTest {
    private static final long SHIFT_NS = 500_000_000L;
    private static final Pattern ROW = Pattern.compile("^\\{\"host\":\"([^\"]+)\",.*\"ts_utc\":\"([^\"]+)\"");

    @Test
    void twoHostsInterleaveInWallClockOrder(@TempDir Path dir) throws IOException {
        Path web2 = shiftedCopy(dir.resolve("web-2"));
        CliRun merged = CliRun.of("opens", Fixtures.web().toString(), web2.toString(), "--format", "json");
        assertEquals(0, merged.status(), merged.err());
        CliRun alone = CliRun.withFixtures("opens", "@web", "--format", "json");
        List<String> lines = merged.out().lines().toList();
        assertEquals(2 * alone.out().lines().count(), lines.size());

        Instant previous = Instant.EPOCH;
        String previousHost = "";
        int hostChanges = 0;
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            assertTrue(row.find(), line);
            Instant time = Instant.parse(row.group(2));
            // Shown times come from the header's boot time, the order from the intervals' clock samples, which the
            // fixture lets drift by 1.5 us per interval: at most 15 us apart.
            assertTrue(!time.isBefore(previous.minusNanos(20_000)), previous + " then " + line);
            previous = time.isAfter(previous) ? time : previous;
            hostChanges += row.group(1).equals(previousHost) ? 0 : 1;
            previousHost = row.group(1);
        }
        assertTrue(hostChanges > 100, hostChanges + " switches between the hosts: merged, not one after the other");
    }

    @Test
    void aLimitEndsTheMergeEarly(@TempDir Path dir) throws IOException {
        Path web2 = shiftedCopy(dir.resolve("web-2"));
        CliRun run = CliRun.of("kills", Fixtures.web().toString(), web2.toString(), "--limit", "7", "--format", "csv");
        assertEquals(0, run.status(), run.err());
        assertEquals(1 + 7, run.out().lines().count());
        assertTrue(run.out().lines().skip(1).allMatch(l -> l.startsWith("web-1,") || l.startsWith("web-2,")), run.out());
    }

    /** The web fixture's opens, kills and intervals as recording "web-2", its wall clock 0.5 s later. */
    private static Path shiftedCopy(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path source : Files.list(Fixtures.web()).sorted().toList()) {
            String name = source.getFileName().toString();
            if (!(name.startsWith("opens-") || name.startsWith("kills-") || name.startsWith("intervals-"))) {
                continue;
            }
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(source.toFile(), new GenericDatumReader<>());
                    DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(reader.getSchema()))) {
                for (String key : reader.getMetaKeys()) {
                    if (!key.startsWith("avro.")) {
                        writer.setMeta(key, reader.getMeta(key));
                    }
                }
                writer.setMeta(RecordingMeta.KEY_HOSTNAME, "web-2");
                writer.setMeta(RecordingMeta.KEY_RECORDING_ID, "00000000-0000-4000-8000-000000000002");
                long boot = Long.parseLong(new String(reader.getMeta(RecordingMeta.KEY_BOOT_TIME), StandardCharsets.UTF_8));
                writer.setMeta(RecordingMeta.KEY_BOOT_TIME, boot + SHIFT_NS);
                writer.create(reader.getSchema(), dir.resolve(name).toFile());
                for (GenericRecord record : reader) {
                    if (name.startsWith("intervals-")) {
                        record.put("boot_to_wall_ns", (Long) record.get("boot_to_wall_ns") + SHIFT_NS);
                    }
                    writer.append(record);
                }
            }
        }
        return dir;
    }
}
