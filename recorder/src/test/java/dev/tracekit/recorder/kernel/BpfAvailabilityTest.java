package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The skip-or-fail rule of kernel tests, checked anywhere. */
class BpfAvailabilityTest {
    @Test
    void runsWhenNothingIsMissing() {
        assertDoesNotThrow(() -> BpfAvailability.enforce(Optional.empty(), "1"));
    }

    @Test
    void skipsWithTheReasonByDefault() {
        assertThrows(TestAbortedException.class, () -> BpfAvailability.enforce(Optional.of("not root"), null));
    }

    @Test
    void failsWhenBpfIsRequired() {
        assertThrows(AssertionFailedError.class, () -> BpfAvailability.enforce(Optional.of("not root"), "1"));
    }
}
