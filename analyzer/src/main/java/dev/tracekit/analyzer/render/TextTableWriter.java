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
    private ColumnKind[] kinds;
    private boolean[] right;
    private boolean first = true;
    private long rows;
    private final StringBuilder line = new StringBuilder(256);

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
        kinds = new ColumnKind[widths.length];
        right = new boolean[widths.length];
        for (int i = 0; i < widths.length; i++) {
            Column column = spec.columns().get(i);
            widths[i] = Math.max(column.width(), column.header().length());
            kinds[i] = column.kind();
            right[i] = ValueText.rightAligned(column.kind());
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
            cells[i] = ValueText.of(kinds[i], values.get(i), options);
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

    /** One line into a reused buffer (replays print millions): padded cells, no trailing blanks. */
    private void printLine(String[] cells) {
        StringBuilder line = this.line;
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells[i];
            int pad = widths[i] - cell.length();
            if (right[i]) {
                pad(line, pad);
                line.append(cell);
            } else {
                line.append(cell);
                pad(line, pad);
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        line.append(System.lineSeparator());
        out.append(line);
    }

    private static void pad(StringBuilder line, int spaces) {
        if (spaces > 0) {
            line.repeat(' ', spaces); // one bulk fill; a char-by-char loop was the replay's hottest spot
        }
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
