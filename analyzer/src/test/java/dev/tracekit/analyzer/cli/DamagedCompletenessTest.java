package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What could not be read of a damaged file is missing from the result like what the recorder lost. */
class DamagedCompletenessTest {
    private static final String FIGURES =
            "\"family\":\"opens\",\"recorded\":6013,\"lost\":7,\"completeness_pct\":83.0565,\"matched\":";

    @Test
    void aTruncatedFileLowersCompletenessByWhatCouldNotBeRead(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.web())) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        try (RandomAccessFile opens = new RandomAccessFile(dir.resolve("opens-000002.avro").toFile(), "rw")) {
            opens.setLength(20_000); // the second file's 2,013 opens: its first two blocks of 500 are left
        }
        CliRun run = CliRun.of("summary", dir.toString(), "--format", "json");
        assertEquals(1, run.status(), run.err());
        // 6,013 written, 7 lost, 1,013 unreadable: (6,013 - 1,013) / (6,013 + 7) = 83.06%
        assertTrue(run.out().contains(FIGURES + "5000}"), run.out());
        CliRun table = CliRun.of("summary", dir.toString());
        assertTrue(table.out().contains("web-1: 1,013 of the 6,013 opens records written could not be read"),
                table.out());

        CliRun filtered = CliRun.of("summary", dir.toString(), "-n", "nginx", "--format", "json");
        assertTrue(filtered.out().contains(FIGURES + "524}"), "filters do not change it");
    }
}
