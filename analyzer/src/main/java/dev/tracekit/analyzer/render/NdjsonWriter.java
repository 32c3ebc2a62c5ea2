package dev.tracekit.analyzer.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Newline-delimited JSON: one object per row, for jq and DuckDB. Rows of a titled table (a section of a
 * report) carry a {@code section} field first.
 *
 * <p>Written by hand into a reused byte line, not through a JSON generator: replays print millions of rows
 * of a few fixed shapes, and the generator's per-value checks were most of their time. Strings are escaped
 * as RFC 8259 requires and as Jackson's generator does by default: a quote and a backslash get a backslash,
 * backspace, tab, newline, form feed and carriage return their short forms, other control characters a
 * six-character escape with upper-case hex digits; everything else is UTF-8 as it is.
 */
public final class NdjsonWriter implements TableWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final PrintWriter out;
    private final RenderOptions options;
    private final ByteLine line = new ByteLine();
    private TableSpec table;
    /** Per column, the names of the fields it spreads over ({@link Fields#json}), each as {@code "name":}. */
    private byte[][][] names;
    private boolean firstField;

    public NdjsonWriter(PrintWriter out, RenderOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void begin(TableSpec spec) {
        table = spec;
        names = new byte[spec.columns().size()][][];
        for (int i = 0; i < names.length; i++) {
            List<Fields.Field> fields = Fields.json(spec.columns().get(i), null, options);
            names[i] = new byte[fields.size()][];
            for (int f = 0; f < fields.size(); f++) {
                line.clear();
                string(fields.get(f).name());
                line.append((byte) ':');
                names[i][f] = line.toBytes();
            }
        }
    }

    @Override
    public void row(List<?> values) {
        line.clear();
        line.append((byte) '{');
        firstField = true;
        if (table.title() != null) {
            name(null, "section");
            string(table.name());
        }
        for (int i = 0; i < values.size(); i++) {
            cell(i, values.get(i));
        }
        line.append((byte) '}').append((byte) '\n').writeTo(out);
    }

    /** The shapes every replay row has, without field objects; the others (and rare values) through {@link Fields#json}. */
    private void cell(int i, Object value) {
        byte[][] fields = names[i];
        Column column = table.columns().get(i);
        switch (column.kind()) {
            case COUNT, NUMBER, BOOLEAN, DURATION, LOSS_MARKER, PERCENT, RATE, TEXT -> {
                name(fields[0], null);
                value(value);
                return;
            }
            case BYTES -> {
                if (value instanceof byte[] bytes && plainString(bytes)) {
                    name(fields[0], null);
                    line.append((byte) '"').append(bytes).append((byte) '"');
                    return;
                }
            }
            case NAMED -> {
                if (value instanceof Named named) {
                    name(fields[0], null);
                    line.digits(named.raw());
                    name(fields[1], null);
                    string(named.name());
                    return;
                }
            }
            case TIME -> {
                if (value instanceof Timestamp time) {
                    name(fields[0], null);
                    line.digits(time.bootNs());
                    name(fields[1], null);
                    line.append((byte) '"').utcNanos(time.wallNs()).append((byte) '"');
                    if (options.relativeTimes()) {
                        name(fields[2], null);
                        line.digits(time.sinceStartNs());
                    }
                    return;
                }
            }
            default -> {
            }
        }
        for (Fields.Field field : Fields.json(column, value, options)) {
            name(null, field.name());
            value(field.value());
        }
    }

    /** Printable ASCII with nothing JSON escapes: the string is the bytes themselves. */
    private static boolean plainString(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == '"' || b == '\\') {
                return false; // bytes from 0x80 are negative: they go the strict UTF-8 way
            }
        }
        return true;
    }

    /** As {@link #plainString(byte[])}, for text: ASCII that JSON takes as it is. */
    private static boolean plainString(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A field's name: pre-encoded, or else encoded here. */
    private void name(byte[] encoded, String name) {
        if (!firstField) {
            line.append((byte) ',');
        }
        firstField = false;
        if (encoded != null) {
            line.append(encoded);
        } else {
            string(name);
            line.append((byte) ':');
        }
    }

    /** A Long, Double, String, Boolean or null, as {@link Fields.Field} holds them. */
    private void value(Object value) {
        switch (value) {
            case null -> line.append("null");
            case Long l -> line.digits(l);
            case Integer i -> line.digits(i);
            case Double d -> line.append(Double.toString(Math.round(d * 1e4) / 1e4));
            case Boolean b -> line.append(b ? "true" : "false");
            default -> string(value.toString());
        }
    }

    private void string(String text) {
        line.append((byte) '"');
        if (plainString(text)) {
            line.append(text).append((byte) '"');
            return;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                int end = i + 1; // a run of non-ASCII, encoded as one piece so surrogate pairs stay whole
                while (end < n && text.charAt(end) >= 0x80) {
                    end++;
                }
                line.append(text.substring(i, end));
                i = end - 1;
            } else if (c >= 0x20 && c != '"' && c != '\\') {
                line.append((byte) c);
            } else {
                line.append((byte) '\\');
                switch (c) {
                    case '"', '\\' -> line.append((byte) c);
                    case '\b' -> line.append((byte) 'b');
                    case '\t' -> line.append((byte) 't');
                    case '\n' -> line.append((byte) 'n');
                    case '\f' -> line.append((byte) 'f');
                    case '\r' -> line.append((byte) 'r');
                    default -> line.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
            }
        }
        line.append((byte) '"');
    }

    @Override
    public void end(List<String> notes) {
        // Notes are for people; JSON rows carry their loss counts in fields.
    }

    @Override
    public void finish() {
        out.flush();
    }

    @Override
    public boolean broken() {
        return out.checkError();
    }
}
