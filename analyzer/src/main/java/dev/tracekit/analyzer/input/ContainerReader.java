package dev.tracekit.analyzer.input;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits an Avro object container file, read front to back from any stream (a file or a tar entry), into its
 * header and raw blocks. Decompression and decoding happen elsewhere, possibly on other threads. Every size the
 * file declares is checked before anything is allocated for it.
 */
final class ContainerReader {
    /** Recorders write ~1 MiB blocks; anything this big is damage, not data. */
    static final int MAX_BLOCK_BYTES = 64 << 20;
    private static final int MAX_META_BYTES = 1 << 20;
    private static final byte[] MAGIC = {'O', 'b', 'j', 1};
    private static final int SYNC_SIZE = 16;

    private final InputStream in;
    private final Map<String, byte[]> meta;
    private final byte[] sync;
    private long position;

    private ContainerReader(InputStream in, Map<String, byte[]> meta, byte[] sync, long position) {
        this.in = in;
        this.meta = meta;
        this.sync = sync;
        this.position = position;
    }

    private ContainerReader(InputStream in) throws IOException, CorruptInputException {
        this.in = in;
        byte[] magic = readUpTo(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NotAContainerException();
        }
        this.meta = readMeta();
        this.sync = readFully(SYNC_SIZE, 0);
    }

    /** Thrown for input that does not start like an Avro container at all. */
    static final class NotAContainerException extends IOException {
        NotAContainerException() {
            super("not an Avro container file", null);
        }
    }

    /**
     * Reads the header.
     *
     * @throws NotAContainerException  when the input does not start with Avro's magic bytes
     * @throws CorruptInputException   when the header itself is cut short or malformed
     */
    static ContainerReader open(InputStream in) throws IOException, CorruptInputException {
        return new ContainerReader(in);
    }

    /**
     * Goes on reading a file whose header {@code opened} read, from {@code position} (a block's start) of
     * {@code in}: a file still being written is read again as it grows, without reading its header again.
     */
    static ContainerReader resume(InputStream in, ContainerReader opened, long position) {
        return new ContainerReader(in, opened.meta, opened.sync, position);
    }

    Map<String, byte[]> meta() {
        return meta;
    }

    /** Bytes consumed from the file's start: after {@link #next}, where the next block begins. */
    long position() {
        return position;
    }

    /** The next block, or null at a clean end of the file. */
    RawBlock next() throws IOException, CorruptInputException {
        return next(null);
    }

    /**
     * The next block, read into {@code reuse} when it is big enough (readers recycle block arrays, sparing the
     * collector an array of about 1 MiB per block), or null at a clean end of the file.
     */
    RawBlock next(byte[] reuse) throws IOException, CorruptInputException {
        long start = position;
        long[] frame = frame(start);
        if (frame == null) {
            return null;
        }
        int size = (int) frame[1];
        byte[] data = reuse != null && reuse.length >= size ? readInto(reuse, size, start) : readFully(size, start);
        checkSync(start);
        return new RawBlock(start, frame[0], data, size);
    }

    /**
     * Steps over the next block without reading its bytes (a seek, on streams that can): the block's record
     * count, or -1 at a clean end of the file.
     */
    long skip() throws IOException, CorruptInputException {
        long start = position;
        long[] frame = frame(start);
        if (frame == null) {
            return -1;
        }
        try {
            in.skipNBytes(frame[1]);
        } catch (EOFException e) {
            throw CorruptInputException.cutShort(start);
        }
        position += frame[1];
        checkSync(start);
        return frame[0];
    }

    /** The next block's record count and size, checked; null at a clean end of the file. */
    private long[] frame(long start) throws IOException, CorruptInputException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        position++;
        long count = readVarLong(first, start);
        long size = readVarLong(nextByte(start), start);
        // A block may hold more records than bytes (zstd packs repetitive rows below a byte each), so the count is
        // bounded by what the block can decompress to: every tracekit record decodes from at least one byte, and
        // decoding stops at the end of the decompressed bytes, so a lying count costs no more than an honest one.
        if (count < 0 || size < 0 || size > MAX_BLOCK_BYTES || count > BlockCodec.MAX_DECODED_BYTES) {
            throw new CorruptInputException(start, "block declares " + count + " records in " + size + " bytes");
        }
        return new long[] {count, size};
    }

    private void checkSync(long start) throws IOException, CorruptInputException {
        if (!Arrays.equals(readFully(SYNC_SIZE, start), sync)) {
            throw new CorruptInputException(start, "sync marker mismatch after block");
        }
    }

    private Map<String, byte[]> readMeta() throws IOException, CorruptInputException {
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        while (true) {
            long count = readVarLong(nextByte(position), position);
            if (count == 0) {
                return entries;
            }
            if (count < 0) {
                readVarLong(nextByte(position), position);
                count = -count;
            }
            for (long i = 0; i < count; i++) {
                byte[] key = readSized(position);
                byte[] value = readSized(position);
                total += key.length + value.length;
                if (total > MAX_META_BYTES) {
                    throw new CorruptInputException(position, "header metadata larger than 1 MiB");
                }
                entries.put(new String(key, java.nio.charset.StandardCharsets.UTF_8), value);
            }
        }
    }

    private byte[] readSized(long start) throws IOException, CorruptInputException {
        long length = readVarLong(nextByte(start), start);
        if (length < 0 || length > MAX_META_BYTES) {
            throw new CorruptInputException(start, "header entry declares " + length + " bytes");
        }
        return readFully((int) length, start);
    }

    private int nextByte(long start) throws IOException, CorruptInputException {
        int b = in.read();
        if (b < 0) {
            throw CorruptInputException.cutShort(start);
        }
        position++;
        return b;
    }

    private long readVarLong(int firstByte, long start) throws IOException, CorruptInputException {
        long raw = firstByte & 0x7f;
        int shift = 7;
        int b = firstByte;
        while ((b & 0x80) != 0) {
            if (shift > 63) {
                throw new CorruptInputException(start, "malformed varint");
            }
            b = nextByte(start);
            raw |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private byte[] readUpTo(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        position += bytes.length;
        return bytes;
    }

    private byte[] readInto(byte[] bytes, int n, long start) throws IOException, CorruptInputException {
        int read = in.readNBytes(bytes, 0, n);
        position += read;
        if (read < n) {
            throw CorruptInputException.cutShort(start);
        }
        return bytes;
    }

    private byte[] readFully(int n, long start) throws IOException, CorruptInputException {
        // The array grows with the bytes that are really there (from 1 MiB, doubling up to n), so a size that lies
        // about a short file allocates at most twice what the file holds, and a block at the cap peaks at 1.5 times
        // its size rather than the twice of collecting chunks and copying them out.
        byte[] bytes = new byte[Math.min(n, 1 << 20)];
        int filled = 0;
        while (filled < n) {
            if (filled == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(n, 2L * bytes.length));
            }
            int read = in.readNBytes(bytes, filled, bytes.length - filled);
            position += read;
            filled += read;
            if (filled < bytes.length) {
                throw CorruptInputException.cutShort(start);
            }
        }
        return bytes;
    }
}
