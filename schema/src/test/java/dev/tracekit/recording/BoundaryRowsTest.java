package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.IntervalStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundaryRowsTest {
    private static final Map<String, Long> NOTHING = Map.of("OPENS", 0L);

    @Test
    void aStoppedRecordingEndsWithABoundaryRow() {
        assertFalse(BoundaryRows.endsAbruptly(List.of(boundary(10), row(10, 20), row(20, 25), boundary(25))));
    }

    @Test
    void aKilledRecordingEndsWithAnOrdinaryRow() {
        assertTrue(BoundaryRows.endsAbruptly(List.of(boundary(10), row(10, 20), row(20, 30))));
    }

    @Test
    void aRecordingKilledInItsFirstIntervalHasOnlyItsOpeningRow() {
        assertTrue(BoundaryRows.endsAbruptly(List.of(boundary(10))));
    }

    @Test
    void recordingsFromBeforeBoundaryRowsAreNotJudged() {
        assertFalse(BoundaryRows.endsAbruptly(List.of(row(10, 20), row(20, 30))));
        assertFalse(BoundaryRows.endsAbruptly(List.of()));
    }

    @Test
    void aStoppedRecordingWhoseFirstFilesWereRotatedAwayStillEndsCleanly() {
        assertFalse(BoundaryRows.endsAbruptly(List.of(row(40, 50), row(50, 55), boundary(55))));
    }

    private static IntervalStats boundary(long ns) {
        return BoundaryRows.at(ns, 1_000, NOTHING);
    }

    private static IntervalStats row(long start, long end) {
        return new IntervalStats(start, end, 1_000L, NOTHING, List.of(), 0L);
    }
}
