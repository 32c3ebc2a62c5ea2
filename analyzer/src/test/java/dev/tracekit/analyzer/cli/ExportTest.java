package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** export writes what the filters select, with every field, and Avro exports are recordings again. */
class ExportTest {
    @ParameterizedTest
    @ValueSource(strings = {"opens", "kills", "syscall-events", "syscall-counts"})
    void ndjsonHasOneLinePerSelectedRecord(String family) {
        CliRun export = CliRun.withFixtures("export", "@web", "--family", family, "-p", "2201");
        assertEquals(0, export.status(), export.err());
        long records = export.out().lines().count();
        assertTrue(records > 0);
        export.out().lines().forEach(line -> assertTrue(line.contains("\"pid\":2201,"), line));
        CliRun csv = CliRun.withFixtures("export", "@web", "--family", family, "-p", "2201", "--format", "csv");
        assertEquals(records + 1, csv.out().split("\r\n").length, "a header and one row per record");
    }

    @Test
    void avroExportIsARecordingWithTheSelectedRecords(@TempDir Path dir) {
        Path out = dir.resolve("failed");
        CliRun export = CliRun.withFixtures("export", "@web", "--format", "avro", "-o", out.toString(), "-x");
        assertEquals(0, export.status(), export.err());
        for (String verb : new String[] {"opens", "kills", "events"}) {
            CliRun source = CliRun.withFixtures(verb, "@web", "-x", "--format", "json");
            CliRun exported = CliRun.of(verb, out.toString(), "--format", "json");
            assertEquals(source.out(), exported.out(), verb);
        }
    }

    @Test
    void exportNeverOverwrites(@TempDir Path dir) throws IOException {
        Path existing = Files.writeString(dir.resolve("opens.ndjson"), "keep");
        CliRun run = CliRun.withFixtures("export", "@web", "--family", "opens", "-o", existing.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("already exists"), run.err());
        assertEquals("keep", Files.readString(existing));
    }

    @Test
    void textFormatsNeedAFamily() {
        CliRun run = CliRun.withFixtures("export", "@web");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("needs --family"), run.err());
    }
}
