package dev.tracekit.analyzer.aggregate;

/**
 * Counts with a failure count per key packed into a long (interned ids, a pid): the hot half of a {@link Tally},
 * in open addressing without a key object, boxed count or hash-map node per event. Turned into a {@code Tally}
 * of real keys only when results are asked for.
 */
final class LongKeyTally {
    /** Receives every entry. */
    interface EntryConsumer {
        void accept(long key, long total, long failed);
    }

    private static final int KEY = 0;
    private static final int TOTAL = 1;
    private static final int FAILED = 2;
    private static final int STRIDE = 3;

    /** Key, total and failed per slot; a total of 0 marks a free slot (every entry counts at least once). */
    private long[] slots = new long[256 * STRIDE];
    private int size;

    void add(long key, long total, long failed) {
        int at = slot(slots, key);
        if (slots[at + TOTAL] == 0) {
            if (++size * 2 > slots.length / STRIDE) {
                grow();
                at = slot(slots, key);
            }
            slots[at + KEY] = key;
        }
        slots[at + TOTAL] += total;
        slots[at + FAILED] += failed;
    }

    /** Where the key is, or the free slot where it goes. */
    private static int slot(long[] slots, long key) {
        int mask = slots.length / STRIDE - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            int at = i * STRIDE;
            if (slots[at + TOTAL] == 0 || slots[at + KEY] == key) {
                return at;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int from = 0; from < old.length; from += STRIDE) {
            if (old[from + TOTAL] != 0) {
                System.arraycopy(old, from, slots, slot(slots, old[from + KEY]), STRIDE);
            }
        }
    }

    void forEach(EntryConsumer consumer) {
        for (int at = 0; at < slots.length; at += STRIDE) {
            if (slots[at + TOTAL] != 0) {
                consumer.accept(slots[at + KEY], slots[at + TOTAL], slots[at + FAILED]);
            }
        }
    }
}
