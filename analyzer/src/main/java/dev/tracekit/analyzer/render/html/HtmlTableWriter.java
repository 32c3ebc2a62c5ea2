package dev.tracekit.analyzer.render.html;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.render.ValueText;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the tables a report writes, each cell formatted by {@link ValueText} as in the text tables
 * (thousands separators, UTC times, escaped bytes; notes escaped as the text tables escape them), for
 * {@link HtmlReport} to lay out with its charts.
 */
public final class HtmlTableWriter implements TableWriter {
    private static final RenderOptions UTC_TIMES = new RenderOptions(false);

    private final List<HtmlTable> tables = new ArrayList<>();
    private TableSpec table;
    private List<List<String>> rows;

    @Override
    public void begin(TableSpec spec) {
        table = spec;
        rows = new ArrayList<>();
    }

    @Override
    public void row(List<?> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            cells.add(ValueText.of(table.columns().get(i).kind(), values.get(i), UTC_TIMES));
        }
        rows.add(List.copyOf(cells));
    }

    @Override
    public void end(List<String> notes) {
        tables.add(new HtmlTable(table.name(), table.title(),
                table.columns().stream().map(Column::header).toList(),
                table.columns().stream().map(c -> ValueText.rightAligned(c.kind())).toList(),
                List.copyOf(rows), notes.stream().map(SafeText::escape).toList()));
    }

    @Override
    public void finish() {
        // The page is written by HtmlReport once charts and tables are all there.
    }

    public List<HtmlTable> tables() {
        return List.copyOf(tables);
    }
}
