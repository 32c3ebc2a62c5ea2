package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LossesTest {
    private static IntervalStats interval(long start, long end, List<Drop> drops, long countOverflows) {
        return new IntervalStats(start, end, 0L, Map.of("SYSCALL_COUNTS", 3L), drops, countOverflows);
    }

    /** A syscall the full count map could not take is a lost count, in the interval it was lost in. */
    @Test
    void countOverflowsAreLostCountsOfTheirInterval() {
        Losses losses = new Losses(List.of(
                interval(0, 100, List.of(), 0),
                interval(100, 200, List.of(), 7),
                interval(200, 300, List.of(new Drop(Family.SYSCALL_COUNTS, 1, 2L)), 0)));

        assertEquals(9, losses.lost(Family.SYSCALL_COUNTS));
        assertEquals(7, losses.countOverflows());
        assertEquals(0, losses.lostBetween(Family.SYSCALL_COUNTS, 0, 100));
        assertEquals(7, losses.lostBetween(Family.SYSCALL_COUNTS, 150, 160));
        assertEquals(2, losses.lostBetween(Family.SYSCALL_COUNTS, 250, 400));
        assertEquals(0, losses.lost(Family.SYSCALL_EVENTS));
    }
}
