package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.input.Recording;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * A {@code --since}/{@code --until} value: a UTC time ({@code 2026-11-02T09:00:01Z}, the {@code Z} optional),
 * or an offset from the recording's start ({@code +2s}, {@code 5m}, {@code 1.5s}, {@code 250ms}), or {@code now}.
 */
public sealed interface TimeBound {
    /** The bound on the given recording's boot clock. */
    long bootNs(Recording recording);

    record Wall(long wallNs) implements TimeBound {
        @Override
        public long bootNs(Recording recording) {
            return wallNs - recording.meta().bootTimeWallNs();
        }
    }

    record FromStart(long offsetNs) implements TimeBound {
        @Override
        public long bootNs(Recording recording) {
            OptionalLong start = recording.startBootNs();
            if (start.isEmpty()) {
                throw TracekitException.badInput("recording of " + recording.host()
                        + " has no interval statistics, so it has no start to count an offset from; use a UTC time");
            }
            return start.getAsLong() + offsetNs;
        }
    }

    /** @throws TracekitException (bad input) for text that is neither form */
    static TimeBound parse(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("now")) {
            return new Wall(toNs(Instant.now())); // --since now: what happens from here on (with --follow)
        }
        OptionalLong offset = Durations.offset(value);
        if (offset.isPresent()) {
            return new FromStart(offset.getAsLong());
        }
        try {
            return new Wall(toNs(Instant.parse(value.endsWith("Z") ? value : value + "Z")));
        } catch (DateTimeParseException e) {
            try {
                return new Wall(toNs(LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC)));
            } catch (DateTimeParseException again) {
                throw TracekitException.badInput("bad time '" + text
                        + "': use a UTC time like 2026-11-02T09:00:01Z or an offset from the start like +2s or 5m");
            }
        }
    }

    /** @throws TracekitException (bad input) outside the years 1678..2262 that nanoseconds in a long can hold */
    private static long toNs(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw TracekitException.badInput("time " + instant + " is outside the years 1678..2262");
        }
    }
}
