package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.analyzer.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.file.CodecFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input that asks for memory, read by the real {@code main} in a JVM of its own with a small heap: an
 * OutOfMemoryError there would surface as exit 1 from the JVM with a stack trace, not as the analyzer's
 * one-line warning. Each run is also bounded in time.
 */
class SmallHeapTest {
    /** Room for one block at the 64 MiB cap being read while another is decoded, and little more. */
    private static final String HEAP = "-Xmx256m";
    private static final Path KILLS = Fixtures.root().resolve("real-x86_64/kills-000001.avro");
    /** Its 9 records are 6 signals: the kernel's record of a sent signal is that signal's fate. */
    private static final int SIGNALS = 6;

    @ParameterizedTest
    @EnumSource(HostileBlocks.class)
    void decompressionBombsInBlocks(HostileBlocks bomb, @TempDir Path dir) throws Exception {
        Path file = ForgedRecording.of(KILLS, CodecFactory.fromString(bomb.codec())).block(9, bomb.data())
                .writeTo(dir.resolve("kills-000001.avro"));
        CliRun run = runMain("kills", file.toString(), "--format", "json");
        assertEquals(1, run.status(), run.err());
        assertEquals(SIGNALS, run.out().lines().count());
        assertTrue(run.err().contains("unreadable"), run.err());
    }

    @Test
    void aBlockDeclaringNearlyTheCapOnAShortFile(@TempDir Path dir) throws Exception {
        Path file = ForgedRecording.of(KILLS, CodecFactory.nullCodec()).frame(9, ContainerReader.MAX_BLOCK_BYTES - 1)
                .raw(new byte[100]).writeTo(dir.resolve("kills-000001.avro"));
        CliRun run = runMain("kills", file.toString(), "--format", "json");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("file ends inside a block"), run.err());
    }

    /**
     * A bundle whose recording has blocks just under the size cap, each really there (zeros, a few KiB as
     * zstd): read with several threads, as many of them as are let in flight must still fit the heap.
     */
    @Test
    void fullSizeBlocksInFlightOnSeveralThreads(@TempDir Path dir) throws Exception {
        int[] sizes = new int[8];
        Arrays.fill(sizes, NEAR_CAP);
        assertOneWarningPerForgedBlock(bundleOfZeroBlocks(dir, sizes), sizes.length);
    }

    /**
     * Full-size blocks between runs of small ones: block arrays are recycled, and a recycled full-size array
     * holding a small block must not let more full-size arrays into flight than the byte bound allows.
     */
    @Test
    void fullSizeBlocksBetweenSmallOnesOnSeveralThreads(@TempDir Path dir) throws Exception {
        int[] sizes = new int[30];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = i % 6 == 0 ? NEAR_CAP : 4096;
        }
        assertOneWarningPerForgedBlock(bundleOfZeroBlocks(dir, sizes), sizes.length);
    }

    private static final int NEAR_CAP = ContainerReader.MAX_BLOCK_BYTES - (1 << 20);

    /** A recording whose blocks hold zeros of these sizes and declare no records, bundled as tar.zst. */
    private static Path bundleOfZeroBlocks(Path dir, int... sizes) throws IOException {
        ForgedRecording header = ForgedRecording.of(KILLS, CodecFactory.nullCodec());
        Path bundle = dir.resolve("big-blocks.tar.zst");
        try (TarArchiveOutputStream tar = BundleEntriesTest.tar(new ZstdOutputStream(Files.newOutputStream(bundle)))) {
            TarArchiveEntry entry = new TarArchiveEntry("rec/kills-000001.avro");
            long size = header.size();
            for (int blockBytes : sizes) {
                size += ForgedRecording.frameBytes(0, blockBytes).length + blockBytes + 16;
            }
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            tar.write(header.toBytes());
            for (int blockBytes : sizes) {
                tar.write(ForgedRecording.frameBytes(0, blockBytes));
                HostileBlocks.writeZeros(tar, blockBytes);
                tar.write(header.syncMarker());
            }
            tar.closeArchiveEntry();
        }
        return bundle;
    }

    private static void assertOneWarningPerForgedBlock(Path bundle, int blocks) throws Exception {
        CliRun run = runMain("kills", bundle.toString(), "--format", "json", "--threads", "4");
        assertEquals(1, run.status(), run.err());
        assertEquals(SIGNALS, run.out().lines().count(), "the honest block; the others declare no records");
        assertEquals(blocks, run.errLines().size(), "one warning per undecodable block: " + run.err());
    }

    @Test
    void aBundleEntryThatInflatesToAGibibyte(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bomb.tar.zst");
        try (OutputStream zstd = new ZstdOutputStream(Files.newOutputStream(bundle));
                TarArchiveOutputStream tar = BundleEntriesTest.tar(zstd)) {
            TarArchiveEntry bomb = new TarArchiveEntry("rec/kills-000002.avro");
            bomb.setSize(1L << 30);
            tar.putArchiveEntry(bomb);
            HostileBlocks.writeZeros(tar, 1L << 30);
            tar.closeArchiveEntry();
            BundleEntriesTest.addFile(tar, "rec/kills-000001.avro", KILLS);
        }
        CliRun run = runMain("kills", bundle.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals(SIGNALS, run.out().lines().count());
    }

    /** {@link Main} in a new JVM with the test's classpath and a small heap; at most 2 minutes. */
    private static CliRun runMain(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        // Both pipes are drained while the analyzer runs, so neither can fill up and stall it.
        StringBuilder errText = new StringBuilder();
        Thread stderr = Thread.startVirtualThread(() -> process.errorReader(StandardCharsets.UTF_8).lines()
                .forEach(line -> errText.append(line).append('\n')));
        String outText = process.inputReader(StandardCharsets.UTF_8).lines().map(line -> line + "\n")
                .collect(Collectors.joining());
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "the analyzer hung");
        stderr.join();
        assertFalse(errText.toString().contains("OutOfMemoryError"), errText.toString());
        return new CliRun(process.exitValue(), outText, errText.toString());
    }
}
