package dev.tracekit.analyzer.input;

import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Events kept and lost per family and interval, from a recording's interval statistics: what every result
 * needs to say whether it covers everything, and which rows or windows are affected by losses.
 */
public final class Losses {
    private final long[] starts;
    private final long[] ends;
    private final Map<Family, long[]> lostByInterval = new EnumMap<>(Family.class);
    private final Map<Family, Long> written = new EnumMap<>(Family.class);
    private final long countOverflows;

    Losses(List<IntervalStats> intervals) {
        int n = intervals.size();
        starts = new long[n];
        ends = new long[n];
        long overflows = 0;
        for (Family family : Family.values()) {
            lostByInterval.put(family, new long[n]);
            written.put(family, 0L);
        }
        for (int i = 0; i < n; i++) {
            IntervalStats s = intervals.get(i);
            starts[i] = s.getIntervalStartNs();
            ends[i] = s.getIntervalEndNs();
            for (Drop drop : s.getDrops()) {
                lostByInterval.get(drop.getFamily())[i] += drop.getCount();
            }
            // a syscall the full count map could not take is a lost count: windows of counts must show it
            lostByInterval.get(Family.SYSCALL_COUNTS)[i] += s.getCountOverflows();
            for (Family family : Family.values()) {
                written.merge(family, s.getEvents().getOrDefault(family.name(), 0L), Long::sum);
            }
            overflows += s.getCountOverflows();
        }
        countOverflows = overflows;
    }

    /** Events of the family the recording lost in all. */
    public long lost(Family family) {
        return Arrays.stream(lostByInterval.get(family)).sum();
    }

    /** Events of the family the recorder wrote, by its own interval statistics. */
    public long written(Family family) {
        return written.get(family);
    }

    /** Kept over kept + lost, in percent; 100 when nothing was lost. */
    public static double completenessPercent(long written, long lost) {
        return written + lost == 0 ? 100.0 : 100.0 * written / (written + lost);
    }

    /** Syscalls not counted because the in-kernel count map was full (part of {@code lost(SYSCALL_COUNTS)}). */
    public long countOverflows() {
        return countOverflows;
    }

    /** Events of the family lost in the intervals that overlap [fromNs, toNs) of the boot clock. */
    public long lostBetween(Family family, long fromNs, long toNs) {
        long[] lost = lostByInterval.get(family);
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            if (lost[i] != 0 && starts[i] < toNs && ends[i] > fromNs) {
                sum += lost[i];
            }
        }
        return sum;
    }

    /** Events of the family lost in the interval holding {@code tsNs}; 0 when none or no interval holds it. */
    public long lostAround(Family family, long tsNs) {
        int i = Arrays.binarySearch(starts, tsNs);
        int index = i >= 0 ? i : -i - 2;
        if (index < 0 || tsNs >= ends[index]) {
            return 0;
        }
        return lostByInterval.get(family)[index];
    }
}
