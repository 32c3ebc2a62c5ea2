package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.TracekitException;
import java.util.OptionalLong;

/** tracekit's durations ({@link dev.tracekit.units.Durations}) as the analyzer's options take them. */
public final class Durations {
    private Durations() {
    }

    /** @throws TracekitException (bad input) for anything else, or zero */
    public static long parse(String text) {
        long ns = toNs(text, text);
        if (ns <= 0) {
            throw TracekitException.badInput("duration '" + text + "' must be above zero");
        }
        return ns;
    }

    /** An offset from a recording's start ({@code +2s}, {@code 5m}), or empty when the text is not one. */
    static OptionalLong offset(String text) {
        String duration = text.startsWith("+") ? text.substring(1) : text;
        return dev.tracekit.units.Durations.matches(duration) ? OptionalLong.of(toNs(text, duration))
                : OptionalLong.empty();
    }

    private static long toNs(String text, String duration) {
        try {
            return dev.tracekit.units.Durations.parseNs(duration);
        } catch (IllegalArgumentException e) {
            throw TracekitException.badInput(e.getMessage().replace("'" + duration + "'", "'" + text + "'"));
        }
    }
}
