package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Earlier recorders stored the mode register whatever the flags: a mode is shown only where it means something. */
class OpenModeTest {
    private static final int O_CREAT = 0100;
    private static final int O_TMPFILE = 020200000;

    private static OpenEvent open(long flags, int mode) {
        return ForgedHeaderFile.open("py", "/etc/x", flags, mode, 3);
    }

    @Test
    void aModeWithoutOCreatOrOTmpfileIsNotShown(@TempDir Path dir) throws IOException {
        ForgedHeaderFile.writeOpens(dir.resolve("opens-000001.avro"),
                List.of(open(0, 738820312), open(O_CREAT | 1, 0640), open(O_TMPFILE | 2, 0600)));
        CliRun run = CliRun.of("export", dir.toString(), "--family", "opens");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains("\"mode\":null"), lines.get(0));
        assertTrue(lines.get(1).contains("\"mode\":416"), lines.get(1));
        assertTrue(lines.get(2).contains("\"mode\":384"), lines.get(2));
    }
}
