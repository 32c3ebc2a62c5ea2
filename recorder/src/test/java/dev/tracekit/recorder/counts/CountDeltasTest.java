package dev.tracekit.recorder.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.recorder.counts.CountDeltas.Counts;
import org.junit.jupiter.api.Test;

class CountDeltasTest {
    private final CountDeltas deltas = new CountDeltas();

    @Test
    void firstReadIsTheWholeCountThenOnlyWhatWasAdded() {
        assertEquals(new Counts(5, 1, 0, null), deltas.advance(7, 39, new Counts(5, 1, 0, null)));
        assertEquals(new Counts(3, 0, 0, null), deltas.advance(7, 39, new Counts(8, 1, 0, null)));
        assertEquals(new Counts(0, 0, 0, null), deltas.advance(7, 39, new Counts(8, 1, 0, null)));
    }

    @Test
    void keysAreIndependent() {
        deltas.advance(7, 39, new Counts(5, 0, 0, null));
        assertEquals(new Counts(2, 0, 0, null), deltas.advance(8, 39, new Counts(2, 0, 0, null)));
        assertEquals(new Counts(4, 0, 0, null), deltas.advance(7, 0, new Counts(4, 0, 0, null)));
    }

    @Test
    void latencyHistogramsSubtractSlotBySlot() {
        deltas.advance(1, 0, new Counts(3, 0, 300, new long[] {1, 2, 0}));
        assertEquals(new Counts(2, 0, 1000, new long[] {0, 1, 1}),
                deltas.advance(1, 0, new Counts(5, 0, 1300, new long[] {1, 3, 1})));
    }

    @Test
    void aFinishedKeyGivesItsLastDeltaAndStartsOverIfReused() {
        deltas.advance(7, 39, new Counts(5, 0, 0, null));
        assertEquals(new Counts(1, 0, 0, null), deltas.finish(7, 39, new Counts(6, 0, 0, null)));
        assertEquals(0, deltas.size());
        // a new process with the same pid starts a fresh kernel entry
        assertEquals(new Counts(2, 0, 0, null), deltas.advance(7, 39, new Counts(2, 0, 0, null)));
    }
}
