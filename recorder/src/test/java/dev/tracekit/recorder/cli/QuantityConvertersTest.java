package dev.tracekit.recorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class QuantityConvertersTest {
    /** The grammar is dev.tracekit.units.Durations' (DurationsTest); the converter adds the recorder's bounds. */
    @Test
    void durationsWithinTheRecordersBounds() {
        assertEquals(500_000_000L, DurationConverter.parseNs("500ms"));
        assertEquals(3_000_000_000L, DurationConverter.parseNs("3"));
        assertEquals("duration '0' is out of range",
                assertThrows(TypeConversionException.class, () -> DurationConverter.parseNs("0")).getMessage());
        assertEquals("duration '60000d' is out of range",
                assertThrows(TypeConversionException.class, () -> DurationConverter.parseNs("60000d")).getMessage());
        assertTrue(assertThrows(TypeConversionException.class, () -> DurationConverter.parseNs("soon")).getMessage()
                .startsWith("bad duration 'soon'"));
    }

    @Test
    void sizes() {
        assertEquals(4096, SizeConverter.parseBytes("4096"));
        assertEquals(64 << 10, SizeConverter.parseBytes("64K"));
        assertEquals(16L << 20, SizeConverter.parseBytes("16M"));
        assertEquals(16L << 20, SizeConverter.parseBytes("16MiB"));
        assertEquals(1L << 30, SizeConverter.parseBytes("1g"));
        assertThrows(TypeConversionException.class, () -> SizeConverter.parseBytes("big"));
    }
}
