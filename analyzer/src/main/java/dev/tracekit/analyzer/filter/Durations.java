package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.TracekitException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as a number and a unit: {@code 250ms}, {@code 1.5s}, {@code 5m}, {@code 1h}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h|d)");
    private static final Pattern OFFSET = Pattern.compile("\\+?" + DURATION.pattern());

    private Durations() {
    }

    /** @throws TracekitException (bad input) for anything else, or zero */
    public static long parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw TracekitException.badInput("bad duration '" + text + "': use a number and a unit, e.g. 1s, 500ms, 5m");
        }
        long ns = toNs(text, m.group(1), m.group(2));
        if (ns <= 0) {
            throw TracekitException.badInput("duration '" + text + "' must be above zero");
        }
        return ns;
    }

    /** An offset from a recording's start ({@code +2s}, {@code 5m}), or empty when the text is not one. */
    static OptionalLong offset(String text) {
        Matcher m = OFFSET.matcher(text);
        return m.matches() ? OptionalLong.of(toNs(text, m.group(1), m.group(2))) : OptionalLong.empty();
    }

    /** @throws TracekitException (bad input) past what a long holds (~292 years), which would otherwise wrap around */
    private static long toNs(String text, String number, String unit) {
        long scale = switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        try {
            return new BigDecimal(number).multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.DOWN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw TracekitException.badInput("duration '" + text + "' is too long");
        }
    }
}
