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
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ValueText() {
    }

    public static String of(ColumnKind kind, Object value, RenderOptions options) {
        if (value == null) {
            return "-";
        }
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%,d", (Long) value);
            case NUMBER, BOOLEAN -> value.toString();
            case TEXT -> SafeText.escape((String) value);
            case BYTES -> SafeText.escape((byte[]) value);
            case TIME -> options.relativeTimes() ? relative(((Timestamp) value).sinceStartNs())
                    : MICROS.format(instant(((Timestamp) value).wallNs()));
            case NAMED -> SafeText.escape(((Named) value).name());
            case DURATION -> String.format(Locale.ROOT, "%,.3f ms", (Long) value / 1e6);
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

    /** {@code +12.345678} seconds. */
    static String relative(long ns) {
        String sign = ns < 0 ? "-" : "+";
        long abs = Math.abs(ns);
        return String.format(Locale.ROOT, "%s%d.%06d", sign, abs / 1_000_000_000L, abs % 1_000_000_000L / 1_000L);
    }

    /** Full-precision UTC time for JSON and CSV. */
    static String utc(long wallNs) {
        return NANOS.format(instant(wallNs));
    }

    private static Instant instant(long wallNs) {
        return Instant.ofEpochSecond(Math.floorDiv(wallNs, 1_000_000_000L), Math.floorMod(wallNs, 1_000_000_000L));
    }

    public static boolean rightAligned(ColumnKind kind) {
        return switch (kind) {
            case COUNT, NUMBER, DURATION, PERCENT, RATE -> true;
            default -> false;
        };
    }
}
