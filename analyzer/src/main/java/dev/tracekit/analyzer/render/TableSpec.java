package dev.tracekit.analyzer.render;

import java.util.List;

/**
 * The shape of a result table.
 *
 * @param name      section name in multi-table JSON and CSV ({@code top_syscalls})
 * @param title     heading above the table when a report has several
 * @param streamed  rows are printed as they come (event replays), aligned to the columns' widths, rather
 *                  than held until the widths are known
 */
public record TableSpec(String name, String title, List<Column> columns, boolean streamed) {
    public static TableSpec of(String name, String title, Column... columns) {
        return new TableSpec(name, title, List.of(columns), false);
    }

    public static TableSpec streamed(String name, String title, Column... columns) {
        return new TableSpec(name, title, List.of(columns), true);
    }
}
