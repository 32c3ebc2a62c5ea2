package dev.tracekit.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as tracekit's options take them, in the recorder and the analyzer alike: a number and a unit
 * ({@code 250ms}, {@code 1.5s}, {@code 5m}; ns, us, ms, s, m, h, d), or a plain number of seconds as bcc's tools
 * take their intervals ({@code -i 1}). Converted exactly, so {@code 0.1s} is 100,000,000 ns, not a float's
 * neighbour, and a value past what a long holds is an error instead of a wrap-around.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)?");

    /** What the error messages say a duration looks like. */
    public static final String FORM = "a number and a unit (ns, us, ms, s, m, h, d; seconds without one), e.g. 500ms, 5m";

    private Durations() {
    }

    /** True when the text has the form of a duration (its value may still be too long). */
    public static boolean matches(String text) {
        return DURATION.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * The duration in nanoseconds, rounded down; 0 is allowed (callers that need more say so).
     *
     * @throws IllegalArgumentException naming the text: not a duration, or longer than a long's ~292 years
     */
    public static long parseNs(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text + "': use " + FORM);
        }
        long scale = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        try {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.DOWN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
    }
}
