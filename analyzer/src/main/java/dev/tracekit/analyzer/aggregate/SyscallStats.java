package dev.tracekit.analyzer.aggregate;

import java.util.List;

/**
 * Calls, errors and latency of one syscall key, summed. Latency is known only when every part summed had it
 * (recorded with {@code --latency}, or from per-event durations).
 */
public final class SyscallStats {
    /** log2 slots: slot i counts latencies in [2^i, 2^(i+1)) ns, slot 0 also 0 ns, as the recorder writes. */
    public static final int SLOTS = 64;

    private long count;
    private long errors;
    private long latencyTotalNs;
    private boolean latencyKnown = true;
    private long[] histogram;

    /**
     * Figures counted elsewhere (a fleet's Spark job): no histogram.
     *
     * @param latencyTotalNs null when latency was not recorded for all of the calls
     */
    public static SyscallStats of(long count, long errors, Long latencyTotalNs) {
        SyscallStats stats = new SyscallStats();
        stats.addCounts(count, errors, latencyTotalNs, latencyTotalNs == null ? null : List.of());
        return stats;
    }

    /**
     * An entry of the syscall table.
     *
     * @param histogram kept, not copied; null when latency is unknown or histograms were not tallied
     */
    static SyscallStats of(long count, long errors, long latencyTotalNs, boolean latencyKnown, long[] histogram) {
        SyscallStats stats = new SyscallStats();
        stats.count = count;
        stats.errors = errors;
        stats.latencyTotalNs = latencyTotalNs;
        stats.latencyKnown = latencyKnown;
        stats.histogram = histogram;
        return stats;
    }

    void addCounts(long calls, long failed, Long latencyNs, List<Long> log2Histogram) {
        count += calls;
        errors += failed;
        if (latencyNs == null) {
            latencyKnown = false;
        } else {
            latencyTotalNs += latencyNs;
        }
        if (log2Histogram == null) {
            latencyKnown = false;
        } else {
            if (histogram == null) {
                histogram = new long[SLOTS];
            }
            for (int i = 0; i < Math.min(SLOTS, log2Histogram.size()); i++) {
                histogram[i] += log2Histogram.get(i);
            }
        }
    }

    void add(SyscallStats other) {
        count += other.count;
        errors += other.errors;
        latencyTotalNs += other.latencyTotalNs;
        latencyKnown &= other.latencyKnown;
        if (other.histogram != null) {
            if (histogram == null) {
                histogram = new long[SLOTS];
            }
            for (int i = 0; i < SLOTS; i++) {
                histogram[i] += other.histogram[i];
            }
        }
    }

    public long count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    /** Total latency in ns, or null when not recorded for all of the calls. */
    public Long latencyTotalNs() {
        return latencyKnown ? latencyTotalNs : null;
    }

    /** The log2 latency histogram (a copy), or null when not recorded or not tallied. */
    public long[] histogram() {
        return latencyKnown && histogram != null ? histogram.clone() : null;
    }
}
