package dev.tracekit.analyzer.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned text tables for people: numbers right-aligned with thousands separators, untrusted text escaped
 * so nothing from the data reaches the terminal raw. Titled tables (sections of a report) get a heading.
 */
public final class TextTableWriter implements TableWriter {
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
    private final PrintWriter out;
    private final RenderOptions options;
    private TableSpec table;
    private List<String[]> buffered;
    private int[] widths;
    private ColumnKind[] kinds;
    private boolean[] right;
    private boolean first = true;
    private long rows;
    private final ByteLine line = new ByteLine();

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
        rows++;
        if (table.streamed()) {
            streamLine(values);
            return;
        }
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = ValueText.of(kinds[i], values.get(i), options);
            widths[i] = Math.max(widths[i], cells[i].length());
        }
        buffered.add(cells);
    }

    /** A replay's row straight into the line's bytes (replays print millions), each cell as {@link ValueText} shows it. */
    private void streamLine(List<?> values) {
        line.clear();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.spaces(2);
            }
            streamCell(i, values.get(i));
        }
        endLine();
    }

    /** The kinds every replay row has, without a String; the others (and rare values: escapes, nulls) through ValueText. */
    private void streamCell(int i, Object value) {
        int width = widths[i];
        switch (kinds[i]) {
            case NUMBER -> {
                if (value instanceof Long || value instanceof Integer) {
                    long number = ((Number) value).longValue();
                    line.spaces(width - ByteLine.digitCount(number)).digits(number);
                    return;
                }
            }
            case TIME -> {
                if (value instanceof Timestamp time && !options.relativeTimes()) {
                    int start = line.length();
                    line.utcMicros(time.wallNs()).spaces(width - (line.length() - start));
                    return;
                }
            }
            case BYTES -> {
                if (value instanceof byte[] bytes && SafeText.isPlainAscii(bytes)) {
                    line.append(bytes).spaces(width - bytes.length);
                    return;
                }
            }
            case NAMED -> {
                if (value instanceof Named named && line.appendPrintable(named.name())) {
                    line.spaces(width - named.name().length());
                    return;
                }
            }
            default -> {
            }
        }
        cell(i, ValueText.of(kinds[i], value, options));
    }

    /** Padded to the column's width, on the side its kind aligns to. */
    private void cell(int i, String text) {
        int pad = widths[i] - text.length();
        if (right[i]) {
            line.spaces(pad).append(text);
        } else {
            line.append(text).spaces(pad);
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
        line.clear();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.spaces(2);
            }
            cell(i, cells[i]);
        }
        endLine();
    }

    /** No trailing blanks. */
    private void endLine() {
        line.trimSpaces();
        line.append(NEWLINE).writeTo(out);
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
