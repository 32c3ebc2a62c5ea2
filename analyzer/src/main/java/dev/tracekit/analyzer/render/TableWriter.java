package dev.tracekit.analyzer.render;

import java.util.List;

/**
 * Receives result tables, row by row, and prints them in one format. Renderers only format: every value
 * has been computed by the time it gets here.
 */
public interface TableWriter {
    void begin(TableSpec table);

    /** One value per column, typed as the column's {@link ColumnKind} says. */
    void row(List<?> values);

    /** Ends the current table; notes (such as losses that affect it) are shown where the format allows. */
    void end(List<String> notes);

    /** Ends the output. */
    void finish();

    /** True once the output cannot take more (a closed pipe, as in {@code tracekit events ... | head}). */
    default boolean broken() {
        return false;
    }
}
