package dev.tracekit.fleet.report;

import dev.tracekit.analyzer.render.Named;
import org.apache.spark.sql.Row;

/** Result row fields as the values the analyzer's renderers take for each column kind. */
final class RowValues {
    private RowValues() {
    }

    /** An int or long field as the {@code long} NUMBER and COUNT columns take. */
    static Long number(Row row, String field) {
        Number value = row.getAs(field);
        return value == null ? null : value.longValue();
    }

    /** A number beside its decoded name, from {@code field} and {@code field_name}. */
    static Named named(Row row, String field) {
        return new Named(number(row, field), row.<String>getAs(field + "_name"));
    }

    static byte[] bytes(Row row, String field) {
        return row.getAs(field);
    }
}
