package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file present before a deploy and missing after it is the first thing diff shows, without -x. */
class DiffFailuresTest {
    private static final int ENOENT = 2;

    private static OpenEvent open(String path, int result) {
        return ForgedHeaderFile.open("shop", path, 0, 0, result);
    }

    /** The same noise on both sides, plus the config file: opened on both, failing on {@code configResult}'s side. */
    private static Path side(Path dir, int configResult, int noise) throws IOException {
        List<OpenEvent> opens = new ArrayList<>();
        for (int i = 0; i < noise; i++) {
            opens.add(open("/usr/lib/lib" + i + ".so", 3));
            opens.add(open("/tmp/missing-" + (i % 3), -ENOENT)); // fails alike on both sides
        }
        for (int i = 0; i < 3; i++) {
            opens.add(open("/etc/shop/config.yaml", configResult));
        }
        Files.createDirectories(dir);
        ForgedHeaderFile.writeOpens(dir.resolve("opens-000001.avro"), opens);
        return dir;
    }

    @Test
    void aFileThatStartsFailingTopsTheFailedOpens(@TempDir Path dir) throws IOException {
        Path before = side(dir.resolve("before"), 3, 60);
        Path after = side(dir.resolve("after"), -ENOENT, 60);
        CliRun run = CliRun.of("diff", before.toString(), after.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Failed opens change (failures per second, B - A)", lines.get(0), run.out());
        assertTrue(lines.get(2).matches(" *3 +0 +3 +3 +ENOENT 3 +3\\.0 +/etc/shop/config.yaml"), lines.get(2));
        assertTrue(lines.get(3).matches(" *20 +20 +ENOENT 20 +20 +20 +ENOENT 20 +0\\.0 +/tmp/missing-0"), lines.get(3));
    }
}
