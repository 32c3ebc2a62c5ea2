package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two recordings of one host (a run before and after, rotations): rows say which recording they are from. */
class SameHostRecordingsTest {
    private static OpenEvent open() {
        return ForgedHeaderFile.open("vm", "/etc/hosts", 0, 0, 3);
    }

    private static Path recording(Path dir, String id, int opens) throws IOException {
        Files.createDirectories(dir);
        ForgedHeaderFile.writeOpens(dir.resolve("opens-000001.avro"), id, Collections.nCopies(opens, open()));
        return dir;
    }

    @Test
    void rowsOfTwoRecordingsOfOneHostNameTheirRecording(@TempDir Path dir) throws IOException {
        Path first = recording(dir.resolve("a"), "run-1", 4);
        Path second = recording(dir.resolve("b"), "run-2", 3);
        CliRun top = CliRun.of("opens", first.toString(), second.toString(), "--top", "files");
        assertEquals(0, top.status(), top.err());
        List<String> lines = top.out().lines().toList();
        assertTrue(lines.get(0).matches("HOST +RECORDING +OPENS.*"), top.out());
        assertTrue(lines.get(1).matches("web-9 +run-1 +4 .*/etc/hosts"), top.out());
        assertTrue(lines.get(2).matches("web-9 +run-2 +3 .*/etc/hosts"), top.out());

        CliRun summary = CliRun.of("summary", first.toString(), second.toString());
        assertTrue(summary.out().contains("HOST   RECORDING  FAMILY"), summary.out());
        assertTrue(summary.out().lines().anyMatch(l -> l.matches("web-9 +run-2 +opens .*")), summary.out());
    }
}
