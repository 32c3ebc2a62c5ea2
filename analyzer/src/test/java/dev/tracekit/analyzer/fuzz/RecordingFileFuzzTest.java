package dev.tracekit.analyzer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a recording file, read through the analyzer's whole path (scanner, container framing, block
 * codecs, decoders, aggregation, rendering). Seeds: one small file of each stream and each codec, from the
 * recorder's real output in testdata/fixtures/real-x86_64 (re-encoded with deflate, snappy and null for the
 * codecs the recorder offers besides zstandard).
 */
class RecordingFileFuzzTest {
    private static final ReusedCommandLine COMMAND_LINE = new ReusedCommandLine();

    @TempDir
    static Path dir;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void recordingFile(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("fuzzed.avro"), bytes);
        CleanOutcome.assertClean(COMMAND_LINE.run("summary", file.toString(), "--format", "json", "--threads", "1"));
    }
}
