package dev.tracekit.recorder.metrics;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Failed syscalls by (syscall, errno), from per-event records, for a scraper: an open-addressing table of at most
 * {@link #MAX_PAIRS} pairs, so the series it makes stay bounded however many pairs a host's processes try; failures
 * of pairs past the cap are summed as one {@link #OTHER} pair, so the series still add up to every failure counted.
 *
 * <p>One writer (the recording thread) and readers on other threads (scrapes), as {@link RecordTally}: a new pair's
 * count is stored before its key is published with a release store, so a reader that sees the key sees its count.
 */
final class SyscallErrnoTally {
    /** A host's processes fail in a few dozen ways; a thousand pairs is far past that, and still a small scrape. */
    static final int MAX_PAIRS = 1024;
    /** The pair that failures past the cap are counted as. */
    static final int OTHER = -1;
    private static final int TABLE_BITS = 11;
    private static final int TABLE = 1 << TABLE_BITS; // twice MAX_PAIRS, so half full at most: probes stay short
    private static final int ERRNO_BITS = 12; // errnos are 1..4095

    /** Receives each pair with its count. */
    interface PairConsumer {
        /** @param slot the syscall's slot ({@link RecordTally}'s numbering), or {@link #OTHER} with errno OTHER */
        void accept(int slot, int errno, long count);
    }

    /** Key + 1 of each entry (0: free), key = slot << 12 | errno. */
    private final AtomicIntegerArray keys = new AtomicIntegerArray(TABLE);
    private final AtomicLongArray counts = new AtomicLongArray(TABLE);
    private final AtomicLong other = new AtomicLong();
    private int pairs;

    /** One failure of the syscall in {@code slot} (0 up, as {@link RecordTally} numbers them) with errno 1..4095. */
    void add(int slot, int errno) {
        int key = slot << ERRNO_BITS | errno;
        for (int i = (key * 0x9E3779B9) >>> (Integer.SIZE - TABLE_BITS); ; i = (i + 1) & (TABLE - 1)) {
            int found = keys.get(i);
            if (found == key + 1) {
                counts.lazySet(i, counts.get(i) + 1);
                return;
            }
            if (found == 0) {
                if (pairs == MAX_PAIRS) {
                    other.lazySet(other.get() + 1);
                    return;
                }
                pairs++;
                counts.lazySet(i, 1);
                keys.lazySet(i, key + 1);
                return;
            }
        }
    }

    void forEach(PairConsumer each) {
        for (int i = 0; i < TABLE; i++) {
            int key = keys.get(i) - 1;
            if (key >= 0) {
                each.accept(key >>> ERRNO_BITS, key & ((1 << ERRNO_BITS) - 1), counts.get(i));
            }
        }
        long past = other.get();
        if (past != 0) {
            each.accept(OTHER, OTHER, past);
        }
    }
}
