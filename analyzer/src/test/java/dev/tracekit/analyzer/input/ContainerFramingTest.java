package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerFramingTest {
    private static Optional<ContainerFraming.Break> check(byte[] file) throws IOException {
        try (InputStream in = new ByteArrayInputStream(file)) {
            return ContainerFraming.firstBreak(in);
        }
    }

    @Test
    void anIntactFileHasNoBreak() throws IOException {
        assertTrue(check(Files.readAllBytes(Fixtures.root().resolve("x86_64-web1/opens-000001.avro"))).isEmpty());
    }

    @Test
    void aCutFileBreaksWhereTheAnalyzerSaysItDoes() throws IOException {
        Path cut = Fixtures.root().resolve("truncated/opens-000001.avro");
        ContainerFraming.Break damage = check(Files.readAllBytes(cut)).orElseThrow();
        assertEquals(new ContainerFraming.Break(16588, "file ends inside a block", 900), damage);
        assertEquals("f: truncated or corrupt at byte offset 16588 (file ends inside a block); read 900 records "
                + "before it", damage.warning("f"));
    }

    @Test
    void aFlippedSyncMarkerIsABreakAtItsBlock() throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.root().resolve("x86_64-web1/opens-000001.avro"));
        file[file.length - 1] ^= 1; // the last block's sync marker
        ContainerFraming.Break damage = check(file).orElseThrow();
        assertEquals("sync marker mismatch after block", damage.reason());
        assertTrue(damage.recordsBefore() > 0, "the blocks before the last one are intact");
    }
}
