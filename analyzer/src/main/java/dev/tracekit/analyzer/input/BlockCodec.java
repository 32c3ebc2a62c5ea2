package dev.tracekit.analyzer.input;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.List;
import java.util.zip.CRC32;
import org.xerial.snappy.Snappy;

/**
 * Decompresses container blocks with a cap on the output, so a decompression bomb in a block ends as a
 * corrupt-block warning rather than an OutOfMemoryError. Knows the codecs tracekit's recorder offers
 * (CodecSpec): zstandard, deflate, snappy and null.
 */
final class BlockCodec {
    /** A ~1 MiB recorder block decodes to ~4 MiB (zstd-1 on these records: ~4:1); 64 MiB is no honest block. */
    static final int MAX_DECODED_BYTES = 64 << 20;

    private final String name;

    private BlockCodec(String name) {
        this.name = name;
    }

    /** @throws IllegalArgumentException for a codec tracekit does not write */
    static BlockCodec named(String name) {
        String codec = name == null ? "null" : name;
        if (!List.of("null", "deflate", "zstandard", "snappy").contains(codec)) {
            throw new IllegalArgumentException("unsupported codec " + codec);
        }
        return new BlockCodec(codec);
    }

    /** The decompressed block; only the first {@link Decoded#length} bytes of its array are data. */
    record Decoded(byte[] bytes, int length) {
    }

    Decoded decompress(byte[] data) throws IOException {
        return decompress(data, data.length, null);
    }

    /**
     * Decompresses the first {@code length} bytes of {@code data} into {@code scratch} when it is big enough (a
     * thread reusing its buffer block after block spares the collector multi-MiB arrays), else into a new
     * array. The null codec returns {@code data} itself.
     */
    Decoded decompress(byte[] data, int length, byte[] scratch) throws IOException {
        return switch (name) {
            case "null" -> new Decoded(data, length);
            case "zstandard" -> unzstd(data, length, scratch);
            case "deflate" -> inflate(data, length, scratch);
            case "snappy" -> unsnappy(data, length);
            default -> throw new IllegalStateException("codec checked in named(): " + name);
        };
    }

    /**
     * One-shot decompression into a buffer that doubles until the frame fits (or the cap is reached): one
     * native call per block once a thread's buffer has grown to its blocks' size. Frames written by Avro's
     * zstd stream do not declare their size, hence the retry. zstd verifies the frame checksum whenever the frame
     * carries one (the recorder's default since issue 14; older files without one still read).
     */
    private static Decoded unzstd(byte[] data, int length, byte[] scratch) throws IOException {
        byte[] out = scratch != null ? scratch : new byte[initialSize(length)];
        while (true) {
            try {
                return new Decoded(out, (int) Zstd.decompressByteArray(out, 0, out.length, data, 0, length));
            } catch (ZstdException e) {
                if (e.getErrorCode() == Zstd.errChecksumWrong()) {
                    throw new IOException("zstd block checksum mismatch", e);
                }
                if (e.getErrorCode() != Zstd.errDstSizeTooSmall()) {
                    throw new IOException("zstd: " + e.getMessage(), e);
                }
            }
            if (out.length == MAX_DECODED_BYTES) {
                throw new IOException("block decompresses to more than " + (MAX_DECODED_BYTES >> 20) + " MiB");
            }
            out = new byte[(int) Math.min(MAX_DECODED_BYTES, 2L * out.length)];
        }
    }

    private static int initialSize(int compressedLength) {
        return Math.min(MAX_DECODED_BYTES, Math.max(4096, compressedLength * 8));
    }

    /** Avro's deflate blocks are raw deflate (no zlib header). */
    private static Decoded inflate(byte[] data, int length, byte[] scratch) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            return drain(new InflaterInputStream(new ByteArrayInputStream(data, 0, length), inflater), length, scratch);
        } finally {
            inflater.end();
        }
    }

    private static Decoded drain(InputStream in, int compressedLength, byte[] scratch) throws IOException {
        try (in) {
            byte[] out = scratch != null ? scratch : new byte[initialSize(compressedLength)];
            int length = 0;
            while (true) {
                if (length == out.length) {
                    if (out.length == MAX_DECODED_BYTES) {
                        throw new IOException("block decompresses to more than " + (MAX_DECODED_BYTES >> 20) + " MiB");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_DECODED_BYTES, 2L * out.length));
                }
                int n = in.read(out, length, out.length - length);
                if (n < 0) {
                    return new Decoded(out, length);
                }
                length += n;
            }
        }
    }

    /** Avro's snappy blocks: the compressed bytes, then the CRC-32 of the uncompressed bytes, big-endian. */
    private static Decoded unsnappy(byte[] data, int compressedLength) throws IOException {
        if (compressedLength < 4) {
            throw new IOException("snappy block shorter than its checksum");
        }
        int length = Snappy.uncompressedLength(data, 0, compressedLength - 4);
        if (length < 0 || length > MAX_DECODED_BYTES) {
            throw new IOException("snappy block declares " + length + " bytes");
        }
        byte[] out = new byte[length];
        Snappy.uncompress(data, 0, compressedLength - 4, out, 0);
        CRC32 crc = new CRC32();
        crc.update(out);
        if ((int) crc.getValue() != ByteBuffer.wrap(data, compressedLength - 4, 4).getInt()) {
            throw new IOException("snappy block checksum mismatch");
        }
        return new Decoded(out, length);
    }
}
