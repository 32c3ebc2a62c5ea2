package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.Recording;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * First and last event time per recording: the time span of a recording that has no interval statistics
 * (a recorder killed before its first interval ended).
 */
public final class EventSpan {
    private long[] first = new long[0];
    private long[] last = new long[0];

    void add(Recording recording, long bootNs) {
        add(recording.index(), bootNs);
    }

    private void add(int i, long bootNs) {
        if (i >= first.length) {
            int from = first.length;
            first = Arrays.copyOf(first, i + 1);
            last = Arrays.copyOf(last, i + 1);
            Arrays.fill(first, from, i + 1, Long.MAX_VALUE);
            Arrays.fill(last, from, i + 1, Long.MIN_VALUE);
        }
        first[i] = Math.min(first[i], bootNs);
        last[i] = Math.max(last[i], bootNs);
    }

    void merge(EventSpan other) {
        for (int i = 0; i < other.first.length; i++) {
            if (other.first[i] != Long.MAX_VALUE) {
                add(i, other.first[i]);
                add(i, other.last[i]);
            }
        }
    }

    public OptionalLong first(Recording recording) {
        int i = recording.index();
        return i < first.length && first[i] != Long.MAX_VALUE ? OptionalLong.of(first[i]) : OptionalLong.empty();
    }

    public OptionalLong last(Recording recording) {
        int i = recording.index();
        return i < last.length && last[i] != Long.MIN_VALUE ? OptionalLong.of(last[i]) : OptionalLong.empty();
    }
}
