package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TracekitVersionTest {
    @Test
    void theVersionIsTheBuildsNotAPlaceholder() {
        assertTrue(TracekitVersion.get().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), TracekitVersion.get());
    }
}
