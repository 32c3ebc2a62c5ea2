package dev.tracekit.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The recording loop's wait ends when the next interval or the duration is due, not up to 50 ms after; intervals end on
 * the run's grid.
 */
class PollTimeoutTest {
    private static final long MS = 1_000_000L;

    @Test
    void theWaitIsTheUsualTimeoutWhenNothingIsDueSooner() {
        assertEquals(50, Recorder.timeoutMs(0, 10_000 * MS));
    }

    @Test
    void theWaitEndsWhenTheNextIntervalOrTheDurationIsDue() {
        assertEquals(7, Recorder.timeoutMs(100 * MS, 107 * MS));
        assertEquals(1, Recorder.timeoutMs(0, 1), "a part of a millisecond rounds up: never due before it waits");
    }

    @Test
    void anIntervalThatEndedLateLeavesTheNextDueOnTheGrid() {
        assertEquals(2_000 * MS, Recorder.nextIntervalDueNs(1_000 * MS, 1_001 * MS + MS / 2, 1_000 * MS),
                "1.5 ms late: the next interval is 1.5 ms shorter");
        assertEquals(400 * MS, Recorder.nextIntervalDueNs(200 * MS, 200 * MS, 200 * MS));
    }

    @Test
    void anEndLaterThanHalfAnIntervalStartsTheGridAgain() {
        assertEquals(520 * MS, Recorder.nextIntervalDueNs(200 * MS, 320 * MS, 200 * MS));
        assertEquals(3_700 * MS, Recorder.nextIntervalDueNs(1_000 * MS, 2_700 * MS, 1_000 * MS), "a stall past the next end");
    }

    @Test
    void anOverdueIntervalIsNotWaitedFor() {
        assertEquals(0, Recorder.timeoutMs(200 * MS, 150 * MS));
        assertEquals(0, Recorder.timeoutMs(0, Long.MIN_VALUE + 1));
    }
}
