package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
        EventHeader header = EventHeader.newBuilder().setTsNs(1).setPid(7).setTid(7).setUid(0).setGid(0)
                .setComm(ByteBuffer.wrap("shop".getBytes(StandardCharsets.UTF_8))).setCgroupId(0).setCpu(0).build();
        return OpenEvent.newBuilder().setHeader(header).setSyscall(OpenSyscall.OPENAT).setDirfd(-100)
                .setPath(ByteBuffer.wrap(path.getBytes(StandardCharsets.UTF_8))).setPathTruncated(false).setFlags(0)
                .setMode(0).setResolve(0).setResult(result).build();
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
