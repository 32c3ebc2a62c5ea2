package dev.tracekit.analyzer.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How one value reads in a table: separators, units, escapes, times in UTC. Public so the HTML report shows
 * numbers and times exactly as the text tables do.
 */
public final class ValueText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private ValueText() {
    }

    public static String of(ColumnKind kind, Object value, RenderOptions options) {
        if (value == null) {
            return "-";
        }
        return switch (kind) {
            case COUNT -> grouped((Long) value);
            case NUMBER, BOOLEAN -> value.toString();
            case TEXT -> SafeText.escape((String) value);
            case BYTES -> SafeText.escape((byte[]) value);
            case TIME -> options.relativeTimes() ? relative(((Timestamp) value).sinceStartNs())
                    : utcMicros(((Timestamp) value).wallNs());
            case NAMED -> SafeText.escape(((Named) value).name());
            case DURATION -> milliseconds((Long) value);
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", (Double) value);
            case RATE -> String.format(Locale.ROOT, "%,.1f", (Double) value);
            case LOSS_MARKER -> (Long) value != 0 ? "!" : "";
            case ARGS -> args((long[]) value);
        };
    }

    private static String args(long[] args) {
        StringBuilder text = new StringBuilder();
        for (long arg : args) {
            text.append(text.isEmpty() ? "" : ", ").append("0x").append(Long.toHexString(arg));
        }
        return text.toString();
    }

    // Replays format millions of rows: the hand-made formats below avoid String.format on that path.

    /** {@code 1,234,567}. */
    static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            out.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** {@code 1,234.567 ms}, rounded to the microsecond. */
    static String milliseconds(long ns) {
        long micros = Math.round(ns / 1_000.0);
        String fraction = Long.toString(Math.abs(micros) % 1_000);
        String whole = grouped(Math.abs(micros) / 1_000);
        return (micros < 0 ? "-" : "") + whole + "." + "000".substring(fraction.length()) + fraction + " ms";
    }

    /** {@code +12.345678} seconds. */
    static String relative(long ns) {
        long abs = Math.abs(ns);
        return (ns < 0 ? "-" : "+") + abs / 1_000_000_000L + "." + sixDigits(abs % 1_000_000_000L / 1_000L);
    }

    private static String sixDigits(long value) {
        String digits = Long.toString(value);
        return "000000".substring(digits.length()) + digits;
    }

    /** {@code 2026-11-02T09:00:00.123456Z}; the date part is formatted once per second seen. */
    private static String utcMicros(long wallNs) {
        return secondText(wallNs) + "." + sixDigits(Math.floorMod(wallNs, 1_000_000_000L) / 1_000L) + "Z";
    }

    /** {@code 2026-11-02T09:00:00}: the second a time falls in. */
    static String secondText(long wallNs) {
        long second = Math.floorDiv(wallNs, 1_000_000_000L);
        SecondText cached = lastSecond;
        if (cached == null || cached.second() != second) {
            cached = new SecondText(second, SECONDS.format(Instant.ofEpochSecond(second)));
            lastSecond = cached;
        }
        return cached.text();
    }

    private record SecondText(long second, String text) {
    }

    /** Racy by design: any thread may replace it, and every value it can hold is correct for its second. */
    private static volatile SecondText lastSecond;

    /** Full-precision UTC time for JSON and CSV: {@code 2026-11-02T09:00:00.123456789Z}. */
    static String utc(long wallNs) {
        String nanos = Long.toString(Math.floorMod(wallNs, 1_000_000_000L));
        return secondText(wallNs) + "." + "000000000".substring(nanos.length()) + nanos + "Z";
    }

    public static boolean rightAligned(ColumnKind kind) {
        return switch (kind) {
            case COUNT, NUMBER, DURATION, PERCENT, RATE -> true;
            default -> false;
        };
    }
}
