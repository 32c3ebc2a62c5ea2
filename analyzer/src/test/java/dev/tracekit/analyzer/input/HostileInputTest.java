package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.analyzer.fuzz.CleanOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile files give a one-line error or a partial result with a warning, never a stack trace,
 * a hang or an OutOfMemoryError (the fuzz tests in fuzz/ try any bytes; docs/reliability.md lists every case).
 */
class HostileInputTest {
    private static final Path OPENS = Fixtures.web().resolve("opens-000001.avro");

    @Test
    void bitFlipsAnywhereAreWarningsOrErrors(@TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(OPENS);
        Random random = new Random(42);
        Path file = dir.resolve("opens-000001.avro");
        for (int i = 0; i < 60; i++) {
            byte[] damaged = original.clone();
            int at = random.nextInt(damaged.length);
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            Files.write(file, damaged);
            CliRun run = CliRun.of("opens", file.toString(), "--format", "json");
            CleanOutcome.assertClean(run);
            assertTrue(run.out().lines().count() <= 4_000, "never more records than the file has");
        }
    }

    @Test
    void truncationAtAnyPointReadsWhatCameBefore(@TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(OPENS);
        Path file = dir.resolve("opens-000001.avro");
        long previous = -1;
        for (int cut = original.length - 1; cut > 0; cut -= 1_777) {
            Files.write(file, Arrays.copyOf(original, cut));
            CliRun run = CliRun.of("opens", file.toString(), "--format", "json");
            CleanOutcome.assertClean(run);
            long records = run.out().lines().count();
            assertTrue(records % 500 == 0, "whole blocks of 500 only, got " + records);
            assertTrue(previous < 0 || records <= previous, "shorter files never yield more");
            previous = records;
        }
    }

    @Test
    void aBlockDeclaringAHugeSizeIsRefusedWithoutAllocating(@TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(OPENS);
        int firstBlock = firstBlockOffset(original);
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        forged.write(original, 0, firstBlock);
        forged.write(new byte[] {2, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40}); // 1 record, 2^40 bytes
        Path file = dir.resolve("opens-000001.avro");
        Files.write(file, forged.toByteArray());
        CliRun run = CliRun.of("opens", file.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("byte offset " + firstBlock), run.err());
    }

    /** The header ends with the 16-byte sync marker, which also follows every block: its first occurrence + 16. */
    private static int firstBlockOffset(byte[] file) {
        byte[] sync = Arrays.copyOfRange(file, file.length - 16, file.length);
        for (int i = 4; i + 16 <= file.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(file, i, i + 16), sync)) {
                return i + 16;
            }
        }
        throw new IllegalStateException("no sync marker");
    }

    @Test
    void aDecompressionBombInABlockIsCapped() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream zstd = new ZstdOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < (BlockCodec.MAX_DECODED_BYTES >> 20) + 1; i++) {
                zstd.write(zeros);
            }
        }
        IOException e = assertThrows(IOException.class, () -> BlockCodec.named("zstandard").decompress(bomb.toByteArray()));
        assertTrue(e.getMessage().contains("more than 64 MiB"), e.getMessage());
    }

    @Test
    void bundleEntryNamesAndLinksCannotEscape(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("evil.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(bundle))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry link = new TarArchiveEntry("kills-000009.avro", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            Path kills = Fixtures.db().resolve("kills-000001.avro");
            TarArchiveEntry entry = new TarArchiveEntry("../../../../tmp/kills-000001.avro");
            entry.setSize(Files.size(kills));
            tar.putArchiveEntry(entry);
            Files.copy(kills, tar);
            tar.closeArchiveEntry();
        }
        CliRun run = CliRun.of("kills", bundle.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals(3, run.out().lines().count(), "the regular entry is read in place, the link is skipped");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing unpacked next to the bundle");
        }
    }

    @Test
    void aFileWithNothingAfterTheMagicIsAWarning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("opens-000001.avro");
        Files.write(file, new byte[] {'O', 'b', 'j', 1});
        CliRun run = CliRun.of("opens", file.toString());
        CleanOutcome.assertClean(run);
        assertEquals(2, run.status(), "no recording left to read");
        assertTrue(run.err().contains("no tracekit recordings found"), run.err());
    }
}
