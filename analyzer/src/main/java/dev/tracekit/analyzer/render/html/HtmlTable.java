package dev.tracekit.analyzer.render.html;

import java.util.List;

/**
 * One result table ready for the page: cells already formatted as the text tables show them, not yet escaped.
 *
 * @param name          the section it belongs to ({@code top_syscalls})
 * @param title         its heading
 * @param headers       column headings
 * @param rightAligned  per column: numbers, aligned on the right
 * @param rows          formatted cells
 * @param notes         what the table does not cover (losses), shown under it
 */
public record HtmlTable(String name, String title, List<String> headers, List<Boolean> rightAligned,
        List<List<String>> rows, List<String> notes) {
}
