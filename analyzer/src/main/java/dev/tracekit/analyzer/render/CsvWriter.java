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
            for (Fields.Field field : Fields.csv(table.columns().get(i), values.get(i), options)) {
                if (!line.isEmpty()) {
                    line.append(',');
                }
                appendQuoted(line, field.value() == null ? "" : field.value().toString());
            }
        }
        out.append(line.append("\r\n"));
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
