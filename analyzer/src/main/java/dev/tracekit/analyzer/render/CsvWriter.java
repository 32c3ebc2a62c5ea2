package dev.tracekit.analyzer.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets: a header row per table, raw numbers, decoded names beside them. Tables of a
 * report (titled) are separated by a blank line and carry a {@code section} column first.
 */
public final class CsvWriter implements TableWriter {
    private final PrintWriter out;
    private final RenderOptions options;
    private TableSpec table;
    private boolean first = true;

    public CsvWriter(PrintWriter out, RenderOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void begin(TableSpec spec) {
        table = spec;
        if (!first) {
            out.print("\r\n");
        }
        first = false;
        List<String> headers = new ArrayList<>();
        if (spec.title() != null) {
            headers.add("section");
        }
        for (Column column : spec.columns()) {
            headers.addAll(Fields.csvHeaders(column, options));
        }
        line(headers);
    }

    @Override
    public void row(List<?> values) {
        List<String> cells = new ArrayList<>();
        if (table.title() != null) {
            cells.add(table.name());
        }
        for (int i = 0; i < values.size(); i++) {
            for (Fields.Field field : Fields.csv(table.columns().get(i), values.get(i), options)) {
                cells.add(field.value() == null ? "" : field.value().toString());
            }
        }
        line(cells);
    }

    private void line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells.get(i)));
        }
        out.print(line.append("\r\n"));
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Override
    public void end(List<String> notes) {
        // Notes are for people; CSV rows carry their loss counts in columns.
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
