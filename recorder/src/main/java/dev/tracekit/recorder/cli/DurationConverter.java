package dev.tracekit.recorder.cli;

import dev.tracekit.units.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** tracekit's durations ({@link Durations}: {@code 500ms}, {@code 2m}, plain seconds) for picocli, in ns. */
public final class DurationConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parseNs(value);
    }

    /** @throws TypeConversionException for anything but a duration from 1 ns to ~146 years */
    public static long parseNs(String value) {
        long ns;
        try {
            ns = Durations.parseNs(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (ns < 1 || ns > Long.MAX_VALUE / 2) {
            throw new TypeConversionException("duration '" + value + "' is out of range");
        }
        return ns;
    }
}
