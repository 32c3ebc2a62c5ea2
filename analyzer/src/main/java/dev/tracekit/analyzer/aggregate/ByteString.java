package dev.tracekit.analyzer.aggregate;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Immutable bytes (a comm or a path) usable as a map key; orders as unsigned bytes, like {@code sort -u} in C. */
public final class ByteString implements Comparable<ByteString> {
    private final byte[] bytes;
    private final int hash;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Copies the buffer's remaining bytes without moving its position. */
    public static ByteString copyOf(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return new ByteString(copy);
    }

    public static ByteString of(byte[] bytes) {
        return new ByteString(bytes.clone());
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** True when {@code length} bytes of {@code array} from {@code from} are these bytes. */
    boolean contentEquals(byte[] array, int from, int length) {
        return length == bytes.length && Arrays.equals(bytes, 0, length, array, from, from + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(ByteString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
