package dev.tracekit.analyzer.aggregate;

import java.util.Arrays;
import java.util.List;

/**
 * Open-addressing table from (pid, comm, syscall, window) to summed calls, errors and latency: the hot map of
 * syscall aggregation, one per recording. Everything an event touches lies in one slot of one long array,
 * plus one histogram cell: at tens of thousands of keys the table outgrows the CPU caches, and each separate
 * array or object per key was another cache miss per event. Comms arrive packed ({@link PackedComm}), so a
 * key compares in four words. Grows with distinct keys only.
 */
final class SyscallKeyTable {
    /** Receives every entry. */
    interface EntryConsumer {
        void accept(int pid, long commLow, long commHigh, int syscall, long bucket, SyscallStats stats);
    }

    private static final int STRIDE = 8;
    private static final int PID_SYSCALL = 0;
    private static final int BUCKET = 1;
    private static final int COMM_LOW = 2;
    private static final int COMM_HIGH = 3;
    private static final int CALLS = 4;
    private static final int ERRORS = 5;
    private static final int LATENCY_NS = 6;
    /** 0 in a free slot; else the entry's number + 1 in the low 32 bits, and the flags above. */
    private static final int ENTRY = 7;
    /** Some of the calls summed had no latency (counts recorded without --latency). */
    private static final long LATENCY_UNKNOWN = 1L << 32;
    private static final int SLOTS = SyscallStats.SLOTS;

    private long[] table = new long[1024 * STRIDE];
    /**
     * The entries' log2 latency histograms, {@link SyscallStats#SLOTS} cells each, by entry number; null when
     * not tallied. Only {@code syscalls --histogram} shows them, and at 512 bytes a key they are the biggest
     * part of the table and a second cache miss per event.
     */
    private long[] histograms;
    private int size;

    SyscallKeyTable(boolean histograms) {
        this.histograms = histograms ? new long[256 * SLOTS] : null;
    }

    /** The number of keys: it grows by one when {@link #slot} adds a key. */
    int size() {
        return size;
    }

    /** The slot of a key, added with zero sums if new; valid until the next call (a new key may move slots). */
    int slot(int pid, int syscall, long bucket, long commLow, long commHigh) {
        long pidSyscall = (long) pid << 32 | (syscall & 0xffffffffL);
        int mask = table.length / STRIDE - 1;
        long[] t = table;
        for (int i = hash(pidSyscall, bucket, commLow, commHigh) & mask; ; i = (i + 1) & mask) {
            int at = i * STRIDE;
            if (t[at + ENTRY] == 0) {
                return add(at, pidSyscall, bucket, commLow, commHigh);
            }
            if (t[at + PID_SYSCALL] == pidSyscall && t[at + COMM_LOW] == commLow && t[at + COMM_HIGH] == commHigh
                    && t[at + BUCKET] == bucket) {
                return at;
            }
        }
    }

    private int add(int at, long pidSyscall, long bucket, long commLow, long commHigh) {
        table[at + PID_SYSCALL] = pidSyscall;
        table[at + BUCKET] = bucket;
        table[at + COMM_LOW] = commLow;
        table[at + COMM_HIGH] = commHigh;
        table[at + ENTRY] = ++size;
        if (histograms != null && (long) size * SLOTS > histograms.length) {
            histograms = Arrays.copyOf(histograms, histograms.length * 2);
        }
        if (size * 2 > table.length / STRIDE) {
            grow();
            return slot((int) (pidSyscall >> 32), (int) pidSyscall, bucket, commLow, commHigh);
        }
        return at;
    }

    private static int hash(long pidSyscall, long bucket, long commLow, long commHigh) {
        long h = pidSyscall * 0x9E3779B97F4A7C15L + bucket * 0xC2B2AE3D27D4EB4FL + commLow * 0x165667B19E3779F9L
                + commHigh * 0x27D4EB2F165667C5L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length / STRIDE - 1;
        for (int from = 0; from < old.length; from += STRIDE) {
            if (old[from + ENTRY] != 0) {
                int i = hash(old[from + PID_SYSCALL], old[from + BUCKET], old[from + COMM_LOW], old[from + COMM_HIGH]) & mask;
                while (table[i * STRIDE + ENTRY] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, from, table, i * STRIDE, STRIDE);
            }
        }
    }

    /** One call from a per-event record. */
    void addEvent(int slot, boolean failed, long durationNs) {
        long[] t = table;
        t[slot + CALLS]++;
        if (failed) {
            t[slot + ERRORS]++;
        }
        t[slot + LATENCY_NS] += durationNs;
        if (histograms != null) {
            histograms[histogram(slot) + (durationNs <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(durationNs))]++;
        }
    }

    /** A row of in-kernel counts; the latency figures are null when recorded without latency. */
    void addCounts(int slot, long calls, long failed, Long latencyNs, List<Long> log2Histogram) {
        table[slot + CALLS] += calls;
        table[slot + ERRORS] += failed;
        if (latencyNs == null || log2Histogram == null) {
            table[slot + ENTRY] |= LATENCY_UNKNOWN;
            return;
        }
        table[slot + LATENCY_NS] += latencyNs;
        if (histograms != null) {
            int base = histogram(slot);
            for (int i = 0; i < Math.min(SLOTS, log2Histogram.size()); i++) {
                histograms[base + i] += log2Histogram.get(i);
            }
        }
    }

    /** Sums of another table's entry (a merge). */
    void add(int slot, SyscallStats stats) {
        table[slot + CALLS] += stats.count();
        table[slot + ERRORS] += stats.errors();
        Long latencyNs = stats.latencyTotalNs();
        if (latencyNs == null) {
            table[slot + ENTRY] |= LATENCY_UNKNOWN;
            return;
        }
        table[slot + LATENCY_NS] += latencyNs;
        long[] histogram = stats.histogram();
        if (histograms != null && histogram != null) {
            int base = histogram(slot);
            for (int i = 0; i < SLOTS; i++) {
                histograms[base + i] += histogram[i];
            }
        }
    }

    private int histogram(int slot) {
        return ((int) table[slot + ENTRY] - 1) * SLOTS;
    }

    void forEach(EntryConsumer consumer) {
        for (int at = 0; at < table.length; at += STRIDE) {
            long entry = table[at + ENTRY];
            if (entry != 0) {
                boolean latencyKnown = (entry & LATENCY_UNKNOWN) == 0;
                long[] histogram = latencyKnown && histograms != null
                        ? Arrays.copyOfRange(histograms, histogram(at), histogram(at) + SLOTS) : null;
                long pidSyscall = table[at + PID_SYSCALL];
                consumer.accept((int) (pidSyscall >> 32), table[at + COMM_LOW], table[at + COMM_HIGH], (int) pidSyscall,
                        table[at + BUCKET], SyscallStats.of(table[at + CALLS], table[at + ERRORS], table[at + LATENCY_NS],
                                latencyKnown, histogram));
            }
        }
    }
}
