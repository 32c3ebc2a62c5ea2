package dev.tracekit.analyzer.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text tables for people: numbers right-aligned with thousands separators, untrusted text escaped
 * so nothing from the data reaches the terminal raw. Titled tables (sections of a report) get a heading.
 */
public final class TextTableWriter implements TableWriter {
    private final PrintWriter out;
    private final RenderOptions options;
    private TableSpec table;
    private List<String[]> buffered;
    private int[] widths;
    private boolean first = true;
    private long rows;

    public TextTableWriter(PrintWriter out, RenderOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void begin(TableSpec spec) {
        table = spec;
        rows = 0;
        if (!first) {
            out.println();
        }
        first = false;
        if (spec.title() != null) {
            out.println(spec.title());
        }
        widths = new int[spec.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            Column column = spec.columns().get(i);
            widths[i] = Math.max(column.width(), column.header().length());
        }
        buffered = new ArrayList<>();
        if (spec.streamed()) {
            printLine(headers());
        }
    }

    private String[] headers() {
        return table.columns().stream().map(Column::header).toArray(String[]::new);
    }

    @Override
    public void row(List<?> values) {
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = ValueText.of(table.columns().get(i).kind(), values.get(i), options);
        }
        rows++;
        if (table.streamed()) {
            printLine(cells);
        } else {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
            buffered.add(cells);
        }
    }

    @Override
    public void end(List<String> notes) {
        if (!table.streamed()) {
            printLine(headers());
            buffered.forEach(this::printLine);
            buffered = null;
        }
        if (rows == 0) {
            out.println("(none)");
        }
        for (String note : notes) {
            out.println("note: " + SafeText.escape(note));
        }
    }

    private void printLine(String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells[i];
            int pad = widths[i] - cell.length();
            boolean right = ValueText.rightAligned(table.columns().get(i).kind());
            if (right) {
                line.append(" ".repeat(Math.max(0, pad))).append(cell);
            } else {
                line.append(cell).append(" ".repeat(Math.max(0, pad)));
            }
        }
        out.println(line.toString().stripTrailing());
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
