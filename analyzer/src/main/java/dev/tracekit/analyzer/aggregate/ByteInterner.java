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
        int hash = hash(bytes);
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            ByteString existing = table[i];
            if (existing == null) {
                ByteString added = ByteString.copyOf(bytes);
                table[i] = added;
                if (++size * 2 > table.length) {
                    grow();
                }
                return added;
            }
            if (existing.hashCode() == hash && existing.contentEquals(bytes)) {
                return existing;
            }
        }
    }

    /** The same hash as {@link ByteString#hashCode()} ({@code Arrays.hashCode}), computed in place. */
    private static int hash(ByteBuffer bytes) {
        int h = 1;
        byte[] array = bytes.array();
        int start = bytes.arrayOffset() + bytes.position();
        int end = start + bytes.remaining();
        for (int i = start; i < end; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    private void grow() {
        ByteString[] old = table;
        table = new ByteString[old.length * 2];
        int mask = table.length - 1;
        for (ByteString value : old) {
            if (value != null) {
                int i = value.hashCode() & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = value;
            }
        }
    }
}
