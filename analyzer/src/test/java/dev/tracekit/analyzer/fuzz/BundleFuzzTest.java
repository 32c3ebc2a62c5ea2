package dev.tracekit.analyzer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a bundle. The first byte picks the kind, and so the decompressor the name selects
 * ({@code .tar}, {@code .tar.gz}, {@code .tar.zst}); the rest is the file. Seeds: the recorder's real
 * recording of testdata/fixtures/real-x86_64 packed in each kind.
 */
class BundleFuzzTest {
    private static final ReusedCommandLine COMMAND_LINE = new ReusedCommandLine();
    private static final List<String> KINDS = List.of("fuzzed.tar", "fuzzed.tar.gz", "fuzzed.tar.zst");

    @TempDir
    static Path dir;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void bundle(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path file = dir.resolve(KINDS.get(Byte.toUnsignedInt(input[0]) % KINDS.size()));
        Files.write(file, Arrays.copyOfRange(input, 1, input.length));
        CleanOutcome.assertClean(COMMAND_LINE.run("summary", file.toString(), "--format", "json", "--threads", "1"));
    }
}
