package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.file.CodecFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by Avro's own {@code DataFileWriter} (through {@link ForgedRecording}), not by tracekit's recorder: whatever a conforming writer
 * makes of a recording's records must read. Repetitive rows compress to less than a byte each, so one block can
 * hold more records than it has bytes.
 */
class AvroWrittenFilesTest {
    private static final Path KILLS = Fixtures.root().resolve("real-x86_64/kills-000001.avro");
    private static final int COPIES = 20_000;

    @ParameterizedTest
    @ValueSource(strings = {"zstandard", "deflate", "snappy", "null"})
    void aBlockOfRepetitiveRecordsReadsWhateverItsRatio(String codec, @TempDir Path dir) throws IOException {
        Path file = ForgedRecording.of(KILLS, CodecFactory.fromString(codec), COPIES)
                .writeTo(dir.resolve("kills-000001.avro"));
        for (String threads : new String[] {"1", "2"}) {
            // export, not the kills replay: it prints every record, where the replay joins a send and its fate
            CliRun run = CliRun.of("export", file.toString(), "--family", "kills", "--format", "csv", "--threads",
                    threads);
            assertEquals(0, run.status(), run.err());
            assertEquals("", run.err());
            assertEquals(1 + 9L * COPIES, run.out().lines().count(), "the header line and all 9 records, each repeated");
        }
        if (codec.equals("zstandard")) {
            long[] frame = firstBlockFrame(file);
            assertTrue(frame[0] > frame[1], "the case this test is for: " + frame[0] + " records in " + frame[1]
                    + " bytes");
        }
    }

    /** The record count and byte size of the file's first block, as framed. */
    private static long[] firstBlockFrame(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ContainerReader container = ContainerReader.open(in);
            RawBlock block = container.next();
            return new long[] {block.count(), block.length()};
        } catch (CorruptInputException e) {
            throw new AssertionError(e);
        }
    }
}
