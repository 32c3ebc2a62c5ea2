package dev.tracekit.recorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class QuantityConvertersTest {
    @Test
    void durations() {
        assertEquals(3_000_000_000L, DurationConverter.parseNs("3"));
        assertEquals(3_000_000_000L, DurationConverter.parseNs("3s"));
        assertEquals(500_000_000L, DurationConverter.parseNs("500ms"));
        assertEquals(1_500_000_000L, DurationConverter.parseNs("1.5s"));
        assertEquals(120_000_000_000L, DurationConverter.parseNs("2m"));
        assertEquals(3_600_000_000_000L, DurationConverter.parseNs("1h"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parseNs("soon"));
        assertThrows(TypeConversionException.class, () -> DurationConverter.parseNs("0"));
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
