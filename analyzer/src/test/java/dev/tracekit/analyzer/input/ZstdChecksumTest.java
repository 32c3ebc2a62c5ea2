package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.recording.CodecSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's default codec carries zstd's frame checksum and the reader verifies it: a byte flipped in a
 * block that would otherwise decompress to other plausible records is caught and reported as damage.
 */
class ZstdChecksumTest {
    private static final Path KILLS = Fixtures.root().resolve("real-x86_64/kills-000001.avro");
    /** zstd's frame header descriptor: bit 2 says a content checksum ends the frame. */
    private static final int CHECKSUM_FLAG = 1 << 2;

    @Test
    void theDefaultCodecWritesTheFrameChecksum() throws Exception {
        RawBlock block = firstBlock(defaultCodecFile());
        assertEquals(0xFD2FB528, readIntLittleEndian(block.data(), 0), "a zstd frame");
        assertTrue((block.data()[4] & CHECKSUM_FLAG) != 0, "frame header descriptor " + block.data()[4]);
    }

    @Test
    void everyFlippedByteOfABlockIsCaughtOrHarmless() throws Exception {
        RawBlock block = firstBlock(defaultCodecFile());
        BlockCodec codec = BlockCodec.named("zstandard");
        BlockCodec.Decoded honest = codec.decompress(Arrays.copyOf(block.data(), block.length()));
        byte[] expected = Arrays.copyOf(honest.bytes(), honest.length());
        int caught = 0;
        for (int i = 0; i < block.length(); i++) {
            byte[] flipped = Arrays.copyOf(block.data(), block.length());
            flipped[i] ^= 0x5a;
            try {
                BlockCodec.Decoded decoded = codec.decompress(flipped);
                assertArrayEquals(expected, Arrays.copyOf(decoded.bytes(), decoded.length()),
                        "byte " + i + " flipped decompressed to other records, unnoticed");
            } catch (IOException e) {
                caught++;
            }
        }
        assertTrue(caught > block.length() / 2, caught + " of " + block.length() + " flips caught");
    }

    @Test
    void aFlippedByteIsReportedLikeOtherDamage(@TempDir Path dir) throws Exception {
        Path honest = defaultCodecFile();
        byte[] file = Files.readAllBytes(honest);
        RawBlock block = firstBlock(honest);
        int dataStart = file.length - 16 - block.length();
        int flip = firstFlipOnlyTheChecksumCatches(block);
        file[dataStart + flip] ^= 0x5a;
        Path damaged = Files.write(dir.resolve("kills-000001.avro"), file);
        CliRun run = CliRun.of("kills", damaged.toString(), "--format", "csv");
        assertEquals(1, run.status(), run.err());
        assertEquals("tracekit: warning: " + damaged + ": block at byte offset " + block.offset()
                + " unreadable (zstd block checksum mismatch); skipped\n", run.err());
        assertEquals(1, run.out().lines().count(), "only the header line: the damaged block is not decoded");
    }

    /** A byte whose flip leaves a well-formed frame, so that only the checksum tells it. */
    private static int firstFlipOnlyTheChecksumCatches(RawBlock block) {
        BlockCodec codec = BlockCodec.named("zstandard");
        for (int i = 0; i < block.length(); i++) {
            byte[] flipped = Arrays.copyOf(block.data(), block.length());
            flipped[i] ^= 0x5a;
            try {
                codec.decompress(flipped);
            } catch (IOException e) {
                if (e.getMessage().equals("zstd block checksum mismatch")) {
                    return i;
                }
            }
        }
        throw new AssertionError("no flip is caught by the checksum alone");
    }

    /** The fixture's kills rewritten in one block with the recorder's default codec. */
    private static Path defaultCodecFile() throws IOException {
        Path out = Files.createTempFile("kills-", ".avro");
        out.toFile().deleteOnExit();
        return Files.write(out, ForgedRecording.of(KILLS, CodecSpec.parse(CodecSpec.DEFAULT)).toBytes());
    }

    private static RawBlock firstBlock(Path file) throws Exception {
        ContainerReader container = ContainerReader.open(new ByteArrayInputStream(Files.readAllBytes(file)));
        return container.next();
    }

    private static int readIntLittleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
    }
}
