package dev.tracekit.analyzer.render;

/**
 * One column of a result table.
 *
 * @param header table heading ({@code PID})
 * @param key    JSON and CSV field name, the schema's where there is one ({@code pid}, {@code ts_ns})
 * @param width  minimum width in tables; for streamed tables, the width rows are aligned to
 */
public record Column(String header, String key, ColumnKind kind, int width) {
    public Column(String header, String key, ColumnKind kind) {
        this(header, key, kind, 0);
    }
}
