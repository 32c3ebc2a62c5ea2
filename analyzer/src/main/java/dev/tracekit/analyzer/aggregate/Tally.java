package dev.tracekit.analyzer.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts with a failure count per key: the building block of the open and kill aggregations.
 *
 * @param <K> the key; its natural order breaks ties so results do not depend on thread timing
 */
public final class Tally<K extends Comparable<K>> {
    private final Map<K, long[]> counts = new HashMap<>();

    /** A key's total and failed. */
    public record Entry<K>(K key, long total, long failed) {
    }

    void add(K key, boolean failed) {
        add(key, 1, failed ? 1 : 0);
    }

    void add(K key, long total, long failed) {
        long[] c = counts.get(key);
        if (c == null) {
            c = new long[2];
            counts.put(key, c);
        }
        c[0] += total;
        c[1] += failed;
    }

    void merge(Tally<K> other) {
        other.counts.forEach((key, c) -> add(key, c[0], c[1]));
    }

    /** Entries with the largest totals first (or failures, when {@code byFailed}), ties by key. */
    public List<Entry<K>> top(boolean byFailed) {
        List<Entry<K>> entries = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (!byFailed || c[1] > 0) {
                entries.add(new Entry<>(key, c[0], c[1]));
            }
        });
        Comparator<Entry<K>> measure = byFailed
                ? Comparator.comparingLong(e -> -e.failed())
                : Comparator.comparingLong(e -> -e.total());
        entries.sort(measure.thenComparing(Entry::key));
        return entries;
    }
}
