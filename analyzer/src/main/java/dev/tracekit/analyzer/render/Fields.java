package dev.tracekit.analyzer.render;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How a column spreads over JSON and CSV fields: raw numbers keep the schema's name, decoded names go beside
 * them ({@code syscall}, {@code syscall_name}), times carry the boot-clock value and UTC.
 *
 * <p>Bytes (comm, path) in JSON: valid UTF-8 is the string itself (JSON escapes control characters, so the
 * value round-trips exactly); other bytes are shown escaped as in tables, with the exact bytes in an extra
 * {@code <key>_base64} field. In CSV, bytes are always the escaped form (spreadsheets and terminals get no
 * raw control characters) and text starting like a formula is quoted with an apostrophe; use JSON for exact
 * bytes.
 */
final class Fields {
    private Fields() {
    }

    /** A named field value: Long, Double, String, Boolean or null. */
    record Field(String name, Object value) {
    }

    static List<String> csvHeaders(Column column, RenderOptions options) {
        List<String> names = new ArrayList<>();
        for (Field field : csv(column, null, options)) {
            names.add(field.name());
        }
        return names;
    }

    static List<Field> csv(Column column, Object value, RenderOptions options) {
        String key = column.key();
        List<Field> fields = new ArrayList<>();
        switch (column.kind()) {
            case BYTES -> fields.add(new Field(key, value == null ? null : csvText((byte[]) value)));
            case TEXT -> fields.add(new Field(key, value == null ? null : inert(SafeText.escape((String) value))));
            default -> fields.addAll(json(column, value, options));
        }
        return fields;
    }

    /** Bytes as a CSV cell shows them: escaped, and inert. */
    static String csvText(byte[] value) {
        return inert(SafeText.escape(value));
    }

    /**
     * Text a spreadsheet would run as a formula (a path named {@code =HYPERLINK(...)}) gets a leading
     * apostrophe, the usual guard; numbers are never touched.
     */
    private static String inert(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static List<Field> json(Column column, Object value, RenderOptions options) {
        String key = column.key();
        return switch (column.kind()) {
            case COUNT, NUMBER, BOOLEAN, DURATION, LOSS_MARKER, PERCENT, RATE, TEXT -> List.of(new Field(key, value));
            case BYTES -> bytes(key, (byte[]) value);
            case NAMED -> List.of(new Field(key, value == null ? null : ((Named) value).raw()),
                    new Field(key + "_name", value == null ? null : ((Named) value).name()));
            case TIME -> time(key, (Timestamp) value, options);
            case ARGS -> args(key, (long[]) value);
        };
    }

    private static List<Field> args(String key, long[] args) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fields.add(new Field(key + i, args == null || i >= args.length ? null : args[i]));
        }
        return fields;
    }

    private static List<Field> bytes(String key, byte[] value) {
        if (value == null) {
            return List.of(new Field(key, null));
        }
        Optional<String> text = SafeText.strictUtf8(value);
        if (text.isPresent()) {
            return List.of(new Field(key, text.get()));
        }
        return List.of(new Field(key, SafeText.escape(value)),
                new Field(key + "_base64", Base64.getEncoder().encodeToString(value)));
    }

    private static List<Field> time(String key, Timestamp value, RenderOptions options) {
        String base = key.endsWith("_ns") ? key.substring(0, key.length() - 3) : key;
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(key, value == null ? null : value.bootNs()));
        fields.add(new Field(base + "_utc", value == null ? null : ValueText.utc(value.wallNs())));
        if (options.relativeTimes()) {
            fields.add(new Field(base + "_rel_ns", value == null ? null : value.sinceStartNs()));
        }
        return fields;
    }
}
