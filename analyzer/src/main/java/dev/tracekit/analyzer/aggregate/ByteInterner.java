package dev.tracekit.analyzer.aggregate;

import java.nio.ByteBuffer;

/**
 * Returns one shared {@link ByteString} per distinct byte sequence, looked up straight from a decoder's
 * reused buffer, so hot loops do not copy a comm or path for every event. Grows with distinct values only.
 */
final class ByteInterner {
    private ByteString[] table = new ByteString[256];
    private int size;

    ByteString intern(ByteBuffer bytes) {
        byte[] array = bytes.array();
        int from = bytes.arrayOffset() + bytes.position();
        int length = bytes.remaining();
        int hash = hash(array, from, length);
        int mask = table.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            ByteString existing = table[i];
            if (existing == null) {
                ByteString added = ByteString.copyOf(bytes);
                table[i] = added;
                if (++size * 2 > table.length) {
                    grow();
                }
                return added;
            }
            if (existing.hashCode() == hash && existing.contentEquals(array, from, length)) {
                return existing;
            }
        }
    }

    /** The same hash as {@link ByteString#hashCode()} ({@code Arrays.hashCode}), computed in place. */
    private static int hash(byte[] array, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    /** Arrays.hashCode of short names varies little in its low bits; mix the high ones in. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

    private void grow() {
        ByteString[] old = table;
        table = new ByteString[old.length * 2];
        int mask = table.length - 1;
        for (ByteString value : old) {
            if (value != null) {
                int i = spread(value.hashCode()) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = value;
            }
        }
    }
}
