package dev.tracekit.analyzer.aggregate;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Numbers each distinct byte sequence (a path, a comm) and keeps one shared {@link ByteString} per number,
 * looked up straight from a decoder's buffer, so hot loops neither copy the bytes nor build a key object per
 * event. Grows with distinct values only.
 */
final class ByteInterner {
    /** Open addressing over the values: id + 1, or 0 for a free slot. */
    private int[] table = new int[256];
    private ByteString[] values = new ByteString[128];
    private int size;

    /** The number of the buffer's remaining bytes, assigned on first sight (0, 1, 2, ...). */
    int id(ByteBuffer bytes) {
        byte[] array = bytes.array();
        int from = bytes.arrayOffset() + bytes.position();
        int length = bytes.remaining();
        int hash = hash(array, from, length);
        int mask = table.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                return add(i, ByteString.copyOf(bytes));
            }
            ByteString existing = values[slot - 1];
            if (existing.hashCode() == hash && existing.contentEquals(array, from, length)) {
                return slot - 1;
            }
        }
    }

    /** One shared instance per distinct value. */
    ByteString intern(ByteBuffer bytes) {
        return get(id(bytes));
    }

    ByteString get(int id) {
        return values[id];
    }

    private int add(int slot, ByteString value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        table[slot] = ++size;
        if (size * 2 > table.length) {
            grow();
        }
        return size - 1;
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
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int i = spread(values[id].hashCode()) & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = id + 1;
        }
    }
}
