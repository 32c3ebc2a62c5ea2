package dev.tracekit.analyzer.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 4180 CSV for spreadsheets: one header row, raw numbers, decoded names beside them. The tables of a
 * report (titled: summary, diff) are one table: a {@code section} column says which each row belongs to, and
 * the header holds every table's fields in the order they first appear, empty where a row's table has none,
 * so that CSV readers (DuckDB, pandas, spreadsheets) read the whole file. Those tables are small and are held
 * until the end; a listing (untitled) is streamed.
 */
public final class CsvWriter implements TableWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private final PrintWriter out;
    private final RenderOptions options;
    private TableSpec table;
    /** Titled tables' fields and rows, written at the end under one header. */
    private final Set<String> sectionHeaders = new LinkedHashSet<>();
    private final List<Map<String, String>> sectionRows = new ArrayList<>();
    private final ByteLine line = new ByteLine();

    public CsvWriter(PrintWriter out, RenderOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void begin(TableSpec spec) {
        table = spec;
        List<String> headers = new ArrayList<>();
        for (Column column : spec.columns()) {
            headers.addAll(Fields.csvHeaders(column, options));
        }
        if (spec.title() != null) {
            sectionHeaders.add("section");
            sectionHeaders.addAll(headers);
        } else {
            line(headers);
        }
    }

    @Override
    public void row(List<?> values) {
        if (table.title() == null) {
            streamRow(values);
            return;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            for (Fields.Field field : Fields.csv(table.columns().get(i), values.get(i), options)) {
                cells.put(field.name(), field.value() == null ? "" : field.value().toString());
            }
        }
        cells.put("section", table.name());
        sectionRows.add(cells);
    }

    /** A listing's row straight into the line's bytes: replays print millions, in the header's order. */
    private void streamRow(List<?> values) {
        line.clear();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append((byte) ',');
            }
            appendCells(table.columns().get(i), values.get(i));
        }
        line.append(CRLF).writeTo(out);
    }

    /**
     * One column's cells, as {@link Fields#csv} spreads it, for the kinds every replay has: no field objects,
     * and plain names and paths copied as they are. Rarer kinds go through {@link Fields#csv}.
     */
    private void appendCells(Column column, Object value) {
        switch (column.kind()) {
            case COUNT, NUMBER, DURATION, LOSS_MARKER -> appendNumber(value);
            case BYTES -> {
                if (value instanceof byte[] bytes && plainCell(bytes)) {
                    line.append(bytes);
                } else {
                    appendQuoted(value == null ? "" : Fields.csvText((byte[]) value));
                }
            }
            case NAMED -> {
                if (value != null) {
                    Named named = (Named) value;
                    line.digits(named.raw()).append((byte) ',');
                    appendQuoted(named.name());
                } else {
                    line.append((byte) ',');
                }
            }
            case TIME -> {
                Timestamp time = (Timestamp) value;
                if (time != null) {
                    line.digits(time.bootNs()).append((byte) ',').utcNanos(time.wallNs());
                    if (options.relativeTimes()) {
                        line.append((byte) ',').digits(time.sinceStartNs());
                    }
                } else {
                    line.append(options.relativeTimes() ? ",," : ",");
                }
            }
            default -> {
                boolean first = true;
                for (Fields.Field field : Fields.csv(column, value, options)) {
                    if (!first) {
                        line.append((byte) ',');
                    }
                    first = false;
                    appendQuoted(field.value() == null ? "" : field.value().toString());
                }
            }
        }
    }

    /**
     * Bytes that are their own cell: nothing to escape ({@link SafeText}), to quote, or to make inert
     * ({@link Fields#csvText}).
     */
    private static boolean plainCell(byte[] bytes) {
        if (!SafeText.isPlainAscii(bytes) || bytes.length > 0 && "=+-@".indexOf(bytes[0]) >= 0) {
            return false;
        }
        for (byte b : bytes) {
            if (b == ',' || b == '"') {
                return false;
            }
        }
        return true;
    }

    /** A number column holds a Long (some older rows an Integer); neither can need quoting. */
    private void appendNumber(Object value) {
        switch (value) {
            case null -> {
            }
            case Long l -> line.digits(l);
            case Integer i -> line.digits(i);
            default -> appendQuoted(value.toString());
        }
    }

    private void line(List<String> cells) {
        line.clear();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append((byte) ',');
            }
            appendQuoted(cells.get(i));
        }
        line.append(CRLF).writeTo(out);
    }

    private void appendQuoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            line.append(cell);
        } else {
            line.append((byte) '"').append(cell.replace("\"", "\"\"")).append((byte) '"');
        }
    }

    @Override
    public void end(List<String> notes) {
        // Notes are for people; CSV rows carry their loss counts in columns.
    }

    @Override
    public void finish() {
        if (!sectionHeaders.isEmpty()) {
            line(List.copyOf(sectionHeaders));
            for (Map<String, String> row : sectionRows) {
                line(sectionHeaders.stream().map(h -> row.getOrDefault(h, "")).toList());
            }
        }
        out.flush();
    }

    @Override
    public boolean broken() {
        return out.checkError();
    }
}
