package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Blocks forged behind an honest one: decompression bombs in each codec, sizes that lie, a wrong magic, and
 * truncation at exactly every block boundary. Each has one exact outcome: what was readable is reported, the
 * damage is one warning naming the file and byte offset (exit 1), or the file is refused in one line (exit 2).
 */
class ForgedBlocksTest {
    /** The recorder's real output: 9 kills in one block. */
    private static final Path KILLS = Fixtures.root().resolve("real-x86_64/kills-000001.avro");
    /** Its 9 records are 6 signals: the kernel's record of a sent signal is that signal's fate. */
    private static final int SIGNALS = 6;
    private static final Path OPENS = Fixtures.web().resolve("opens-000001.avro");

    @ParameterizedTest
    @EnumSource(HostileBlocks.class)
    void aDecompressionBombInABlockIsSkippedWithOneWarning(HostileBlocks bomb, @TempDir Path dir) throws IOException {
        ForgedRecording forged = ForgedRecording.of(KILLS, CodecFactory.fromString(bomb.codec()));
        int bombAt = forged.size();
        Path file = forged.block(9, bomb.data()).writeTo(dir.resolve("kills-000001.avro"));
        for (String threads : List.of("1", "2")) {
            CliRun run = CliRun.of("kills", file.toString(), "--format", "json", "--threads", threads);
            assertEquals(1, run.status(), run.err());
            assertEquals(SIGNALS, run.out().lines().count(), "the honest block is read");
            String reason = bomb == HostileBlocks.SNAPPY_DECLARING_1_GIB ? "snappy block declares 1073741824 bytes"
                    : "block decompresses to more than 64 MiB";
            assertEquals("tracekit: warning: " + file + ": block at byte offset " + bombAt + " unreadable (" + reason
                    + "); skipped\n", run.err());
        }
    }

    @Test
    void aBlockDeclaringNearlyTheCapOnAShortFileEndsTheFile(@TempDir Path dir) throws IOException {
        ForgedRecording forged = ForgedRecording.of(KILLS, CodecFactory.nullCodec());
        int lieAt = forged.size();
        Path file = forged.frame(9, ContainerReader.MAX_BLOCK_BYTES - 1).raw(new byte[100])
                .writeTo(dir.resolve("kills-000001.avro"));
        CliRun run = CliRun.of("kills", file.toString(), "--format", "json");
        assertEquals(1, run.status(), run.err());
        assertEquals(SIGNALS, run.out().lines().count());
        assertEquals("tracekit: warning: " + file + ": truncated or corrupt at byte offset " + lieAt
                + " (file ends inside a block); read 9 records before it\n", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Obj\u0002", "PK\u0003\u0004", "\u0000\u0000\u0000\u0000"})
    void aWrongMagicIsNotARecording(String magic, @TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(KILLS);
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) magic.charAt(i);
        }
        Path file = Files.write(dir.resolve("kills-000001.avro"), bytes);
        CliRun named = CliRun.of("kills", file.toString());
        assertEquals(2, named.status());
        assertEquals("tracekit: " + file + ": not a tracekit recording\n", named.err());

        Files.copy(KILLS, dir.resolve("kills-000002.avro"));
        CliRun inDirectory = CliRun.of("kills", dir.toString(), "--format", "json");
        assertEquals(0, inDirectory.status(), "a stray file beside a recording is only a note");
        assertEquals(SIGNALS, inDirectory.out().lines().count());
        assertEquals("tracekit: warning: " + file + ": not a tracekit recording file; skipped\n", inDirectory.err());
    }

    @Test
    void emptyFilesAreNotRecordings(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("opens-000001.avro"));
        CliRun named = CliRun.of("opens", empty.toString());
        assertEquals(2, named.status());
        assertEquals("tracekit: " + empty + ": not a tracekit recording\n", named.err());

        CliRun onlyEmpty = CliRun.of("opens", dir.toString());
        assertEquals(2, onlyEmpty.status());
        assertEquals(List.of("tracekit: no tracekit recordings found in " + dir), onlyEmpty.errLines());
    }

    /**
     * A crash between blocks leaves a file that ends cleanly at a block boundary: everything before it is read
     * and nothing is lost that was written. One byte more or less is a cut inside a block: its records are
     * dropped with a warning at the offset where that block starts.
     */
    @Test
    void truncationAtEveryBlockBoundary(@TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(OPENS);
        List<Integer> boundaries = blockBoundaries(original);
        assertEquals(9, boundaries.size(), "the header's end, then the end of each of the 8 blocks of 500 opens");
        Path file = dir.resolve("opens-000001.avro");
        for (int k = 0; k < boundaries.size(); k++) {
            int boundary = boundaries.get(k);
            assertCut(file, original, boundary, 0, 500 * k, null);
            if (k < boundaries.size() - 1) {
                assertCut(file, original, boundary + 1, 1, 500 * k, boundary);
            }
            if (k > 0) {
                assertCut(file, original, boundary - 1, 1, 500 * (k - 1), boundaries.get(k - 1));
            }
        }
    }

    private static void assertCut(Path file, byte[] original, int cut, int status, int records, Integer damageAt)
            throws IOException {
        Files.write(file, Arrays.copyOf(original, cut));
        CliRun run = CliRun.of("opens", file.toString(), "--format", "json", "--limit", "10000");
        assertEquals(status, run.status(), "cut at " + cut + ": " + run.err());
        assertEquals(records, run.out().lines().count(), "cut at " + cut);
        String warning = damageAt == null ? "" : "tracekit: warning: " + file + ": truncated or corrupt at byte offset "
                + damageAt + " (file ends inside a block); read " + String.format("%,d", records)
                + " records before it\n";
        assertEquals(warning, run.err(), "cut at " + cut);
    }

    /** Offsets where a block may start: after the header's sync marker and after every block's. */
    private static List<Integer> blockBoundaries(byte[] file) {
        byte[] sync = Arrays.copyOfRange(file, file.length - 16, file.length);
        List<Integer> boundaries = new ArrayList<>();
        for (int i = 4; i + 16 <= file.length; i++) {
            if (Arrays.equals(file, i, i + 16, sync, 0, 16)) {
                boundaries.add(i + 16);
            }
        }
        return boundaries;
    }
}
