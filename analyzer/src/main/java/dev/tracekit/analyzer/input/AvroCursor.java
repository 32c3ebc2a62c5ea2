package dev.tracekit.analyzer.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads Avro's binary encoding straight from a decompressed block. It does what Avro's BinaryDecoder does
 * for the handful of types tracekit's schemas use, but checks every declared length against the bytes that
 * are actually left, so a flipped bit gives an error instead of a huge allocation.
 */
final class AvroCursor {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buf;
    private final int limit;
    private int pos;

    AvroCursor(byte[] buf, int length) {
        this.buf = buf;
        this.limit = length;
    }

    boolean atEnd() {
        return pos == limit;
    }

    int position() {
        return pos;
    }

    long readLong() throws CorruptInputException {
        int p = pos;
        if (limit - p < 10) {
            return readLongNearEnd();
        }
        // At least 10 bytes left: a varint long cannot run past the end, so no bounds check per byte. Locals,
        // not fields, in the loop: the JIT keeps them in registers. (A branch-free 8-byte version measured
        // twice as slow: field lengths repeat record after record, so this loop's branches predict well.)
        byte[] bytes = buf;
        int b = bytes[p++];
        long raw = b & 0x7f;
        int shift = 7;
        while (b < 0 && shift < 70) {
            b = bytes[p++];
            raw |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        pos = p;
        if (b < 0) {
            throw new CorruptInputException(p, "malformed varint");
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private long readLongNearEnd() throws CorruptInputException {
        long raw = 0;
        int shift = 0;
        while (true) {
            if (pos >= limit) {
                throw new CorruptInputException(pos, "record runs past the end of its block");
            }
            int b = buf[pos++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
            shift += 7;
            if (shift > 63) {
                throw new CorruptInputException(pos, "malformed varint");
            }
        }
    }

    /**
     * Skips {@code n} varints eight bytes at a time: every byte without its top bit ends one, so a word's
     * count of such bytes is how many end in it. Twice as fast as decoding them; a skipped value is not
     * checked, but the record's remaining fields and the block's end still are.
     */
    void skipLongs(int n) throws CorruptInputException {
        int p = pos;
        int left = n;
        while (limit - p >= 8) {
            long ends = ~(long) LONGS.get(buf, p) & 0x8080808080808080L;
            int count = Long.bitCount(ends);
            if (count >= left) {
                for (int i = 1; i < left; i++) {
                    ends &= ends - 1; // drop the lowest end: the left-th lowest remains
                }
                pos = p + ((Long.numberOfTrailingZeros(ends) + 1) >>> 3);
                return;
            }
            left -= count;
            p += 8;
        }
        pos = p;
        for (int i = 0; i < left; i++) {
            readLong();
        }
    }

    int readInt() throws CorruptInputException {
        long value = readLong();
        if (value != (int) value) {
            throw new CorruptInputException(pos, "int out of range");
        }
        return (int) value;
    }

    boolean readBoolean() throws CorruptInputException {
        if (pos >= limit) {
            throw new CorruptInputException(pos, "record runs past the end of its block");
        }
        int b = buf[pos++];
        if (b != 0 && b != 1) {
            throw new CorruptInputException(pos, "malformed boolean");
        }
        return b == 1;
    }

    /** An index into a union, enum or similar list of {@code count} choices. */
    int readIndex(int count) throws CorruptInputException {
        long index = readLong();
        if (index < 0 || index >= count) {
            throw new CorruptInputException(pos, "index " + index + " out of range 0.." + (count - 1));
        }
        return (int) index;
    }

    /** Length of the next bytes or string value, checked against what is left. */
    private int readLength() throws CorruptInputException {
        long length = readLong();
        if (length < 0 || length > limit - pos) {
            throw new CorruptInputException(pos, "declared length " + length + " exceeds the block");
        }
        return (int) length;
    }

    /**
     * A bytes value as a view of the block: no copy, which matters for the comm every event carries. The
     * view is {@code reuse} repositioned when it already wraps this block, else a new one; either way it
     * shares the block's array, so it is valid only while the block is (a visitor copies what it keeps).
     */
    ByteBuffer readBytes(ByteBuffer reuse) throws CorruptInputException {
        int length = readLength();
        ByteBuffer view;
        if (reuse != null && reuse.hasArray() && reuse.array() == buf) {
            view = reuse.clear().position(pos).limit(pos + length);
        } else {
            view = ByteBuffer.wrap(buf, pos, length);
        }
        pos += length;
        return view;
    }

    String readString() throws CorruptInputException {
        int length = readLength();
        String value = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return value;
    }

    /**
     * The item count of the next block of an array or map; 0 ends it. A negative count is followed by the
     * block's size in bytes, which is skipped over as Avro allows.
     */
    long readBlockCount() throws CorruptInputException {
        long count = readLong();
        if (count < 0) {
            readLong();
            count = -count;
        }
        if (count > limit - pos) {
            throw new CorruptInputException(pos, "declared item count " + count + " exceeds the block");
        }
        return count;
    }
}
