package dev.tracekit.recorder.encode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that Avro's binary encoding is written into directly (zig-zag varints, length-prefixed
 * bytes), reused record after record: no encoder object, no per-record allocation. What Avro's
 * {@code BinaryEncoder} writes for the same values, byte for byte (the Avro specification's binary encoding).
 */
public final class AvroBinaryBuffer {
    private byte[] bytes;
    private int position;

    public AvroBinaryBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** Makes room for {@code n} more bytes, so the writes after it need no check of their own. */
    public void ensure(int n) {
        if (position + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + n));
        }
    }

    public void writeLong(long value) {
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            bytes[position++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[position++] = (byte) n;
    }

    public void writeInt(int value) {
        int n = (value << 1) ^ (value >> 31);
        while ((n & ~0x7F) != 0) {
            bytes[position++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[position++] = (byte) n;
    }

    public void writeBoolean(boolean value) {
        bytes[position++] = (byte) (value ? 1 : 0);
    }

    /** Avro {@code bytes}: the length, then {@code length} bytes of {@code segment} from {@code offset}. */
    public void writeBytes(MemorySegment segment, long offset, int length) {
        writeLong(length);
        MemorySegment.copy(segment, JAVA_BYTE, offset, bytes, position, length);
        position += length;
    }

    /**
     * Avro {@code bytes} made of two runs of {@code segment} joined, the first before the second (a directory before
     * the path looked up in it); makes its own room, as the joined bytes repeat ones written before.
     */
    public void writeJoinedBytes(MemorySegment segment, long firstOffset, int firstLength, long secondOffset,
            int secondLength) {
        ensure(firstLength + secondLength + 10); // and the longest varint of the length
        writeLong(firstLength + secondLength);
        MemorySegment.copy(segment, JAVA_BYTE, firstOffset, bytes, position, firstLength);
        position += firstLength;
        MemorySegment.copy(segment, JAVA_BYTE, secondOffset, bytes, position, secondLength);
        position += secondLength;
    }

    /** Avro {@code bytes} from a buffer's remaining bytes (its position is left alone). */
    public void writeBytes(ByteBuffer value) {
        int length = value.remaining();
        ensure(length + 10); // and the longest varint of the length
        writeLong(length);
        value.get(value.position(), bytes, position, length);
        position += length;
    }

    public int position() {
        return position;
    }

    /** Forgets everything written: the next record starts at 0. */
    public void clear() {
        position = 0;
    }

    /** The bytes written, as a view that is valid until the next write. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(bytes, 0, position);
    }
}
