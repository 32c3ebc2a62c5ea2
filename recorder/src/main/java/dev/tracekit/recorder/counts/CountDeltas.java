package dev.tracekit.recorder.counts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the kernel's cumulative per-(process, syscall) counts into per-interval deltas. The kernel never
 * resets a count, so reading is race-free: whatever lands after a read shows up in the next delta.
 */
public final class CountDeltas {
    /** Cumulative (or delta) values of one (process, syscall); {@code log2Hist} is null without --latency. */
    public record Counts(long count, long errors, long latencyTotalNs, long[] log2Hist) {
        Counts minus(Counts earlier) {
            long[] hist = null;
            if (log2Hist != null) {
                hist = log2Hist.clone();
                for (int i = 0; earlier.log2Hist != null && i < hist.length; i++) {
                    hist[i] -= earlier.log2Hist[i];
                }
            }
            return new Counts(count - earlier.count, errors - earlier.errors,
                    latencyTotalNs - earlier.latencyTotalNs, hist);
        }

        public boolean isZero() {
            return count == 0 && errors == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Counts c && count == c.count && errors == c.errors
                    && latencyTotalNs == c.latencyTotalNs && Arrays.equals(log2Hist, c.log2Hist);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count) * 31 + Long.hashCode(errors);
        }

        @Override
        public String toString() {
            return "Counts[count=" + count + ", errors=" + errors + ", latencyTotalNs=" + latencyTotalNs
                    + ", log2Hist=" + Arrays.toString(log2Hist) + "]";
        }
    }

    private record Key(int tgid, int syscall) {
    }

    private static final Counts NONE = new Counts(0, 0, 0, null);

    private final Map<Key, Counts> previous = new HashMap<>();

    /** The change since the last call for this key, which becomes the new baseline. */
    public Counts advance(int tgid, int syscall, Counts cumulative) {
        Counts before = previous.put(new Key(tgid, syscall), cumulative);
        return cumulative.minus(before == null ? NONE : before);
    }

    /** The last delta of a key whose kernel entry was deleted; the key starts from zero if it comes back. */
    public Counts finish(int tgid, int syscall, Counts finalCumulative) {
        Counts delta = advance(tgid, syscall, finalCumulative);
        previous.remove(new Key(tgid, syscall));
        return delta;
    }

    /** Keys with a baseline (for tests and memory accounting). */
    public int size() {
        return previous.size();
    }
}
