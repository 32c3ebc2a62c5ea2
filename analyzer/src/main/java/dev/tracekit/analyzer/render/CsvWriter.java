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
    private final PrintWriter out;
    private final RenderOptions options;
    private TableSpec table;
    /** Titled tables' fields and rows, written at the end under one header. */
    private final Set<String> sectionHeaders = new LinkedHashSet<>();
    private final List<Map<String, String>> sectionRows = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(256);

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

    /** A listing's row straight into the reused line buffer: replays print millions, in the header's order. */
    private void streamRow(List<?> values) {
        StringBuilder line = this.line;
        line.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCells(line, table.columns().get(i), values.get(i));
        }
        out.append(line.append("\r\n"));
    }

    /**
     * One column's cells, as {@link Fields#csv} spreads it, for the kinds every replay has: numbers straight
     * into the line, no field objects. Rarer kinds go through {@link Fields#csv}.
     */
    private void appendCells(StringBuilder line, Column column, Object value) {
        switch (column.kind()) {
            case COUNT, NUMBER, DURATION, LOSS_MARKER -> appendNumber(line, value);
            case BYTES -> appendQuoted(line, value == null ? "" : Fields.csvText((byte[]) value));
            case NAMED -> {
                if (value != null) {
                    Named named = (Named) value;
                    line.append(named.raw()).append(',');
                    appendQuoted(line, named.name());
                } else {
                    line.append(',');
                }
            }
            case TIME -> {
                Timestamp time = (Timestamp) value;
                if (time != null) {
                    line.append(time.bootNs()).append(',').append(ValueText.utc(time.wallNs()));
                    if (options.relativeTimes()) {
                        line.append(',').append(time.sinceStartNs());
                    }
                } else {
                    line.append(options.relativeTimes() ? ",," : ",");
                }
            }
            default -> {
                boolean first = true;
                for (Fields.Field field : Fields.csv(column, value, options)) {
                    if (!first) {
                        line.append(',');
                    }
                    first = false;
                    appendQuoted(line, field.value() == null ? "" : field.value().toString());
                }
            }
        }
    }

    /** A number column holds a Long (some older rows an Integer); neither can need quoting. */
    private static void appendNumber(StringBuilder line, Object value) {
        switch (value) {
            case null -> {
            }
            case Long l -> line.append(l.longValue());
            case Integer i -> line.append(i.intValue());
            default -> appendQuoted(line, value.toString());
        }
    }

    private void line(List<String> cells) {
        StringBuilder line = this.line;
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendQuoted(line, cells.get(i));
        }
        out.append(line.append("\r\n"));
    }

    private static void appendQuoted(StringBuilder line, String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            line.append(cell);
        } else {
            line.append('"').append(cell.replace("\"", "\"\"")).append('"');
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
