package dev.tracekit.analyzer.export;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.Named;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.analyzer.render.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * One Parquet column of an export and how it takes its value from the row's column value. The names are those
 * of the NDJSON export (raw numbers under the schema's field name, {@code <key>_name} beside them, {@code ts_ns}
 * and {@code ts_utc}, {@code arg0..arg5}), so a query written against one works on the other; Parquet adds
 * types: {@code ts_utc} is a UTC timestamp, names and text are UTF-8 strings. The timestamp is in microseconds,
 * the finest unit Spark reads (it refuses nanosecond timestamps; DuckDB reads them only as microseconds too);
 * {@code ts_ns}, the recorded boot-clock value, keeps the nanoseconds.
 *
 * <p>Bytes (comm, path) that are valid UTF-8 are the string itself; other bytes are the escaped text in the
 * string column and the exact bytes in {@code <key>_raw}, which is null otherwise.
 *
 * @param value from the row's value for the column (never null) to a Long, Double, Boolean, String or byte[]
 *              (null: the field is left out)
 */
record ParquetLeaf(PrimitiveType type, Function<Object, Object> value) {
    String name() {
        return type.getName();
    }

    /** The leaves of one export column, in order. */
    static List<ParquetLeaf> of(Column column) {
        String key = column.key();
        return switch (column.kind()) {
            case COUNT, NUMBER, DURATION, LOSS_MARKER -> List.of(int64(key, v -> v));
            case PERCENT, RATE -> List.of(new ParquetLeaf(optional(PrimitiveTypeName.DOUBLE, key), v -> v));
            case BOOLEAN -> List.of(new ParquetLeaf(optional(PrimitiveTypeName.BOOLEAN, key), v -> v));
            case TEXT -> List.of(string(key, v -> v));
            case NAMED -> List.of(int64(key, v -> ((Named) v).raw()), string(key + "_name", v -> ((Named) v).name()));
            case TIME -> List.of(int64(key, v -> ((Timestamp) v).bootNs()),
                    new ParquetLeaf(Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(timeBase(key) + "_utc"),
                            v -> Math.floorDiv(((Timestamp) v).wallNs(), 1000L)));
            case BYTES -> List.of(
                    string(key, v -> SafeText.strictUtf8((byte[]) v).orElseGet(() -> SafeText.escape((byte[]) v))),
                    new ParquetLeaf(optional(PrimitiveTypeName.BINARY, key + "_raw"),
                            v -> SafeText.strictUtf8((byte[]) v).isPresent() ? null : v));
            case ARGS -> args(key);
        };
    }

    private static List<ParquetLeaf> args(String key) {
        List<ParquetLeaf> leaves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int index = i;
            leaves.add(int64(key + i, v -> index < ((long[]) v).length ? ((long[]) v)[index] : null));
        }
        return leaves;
    }

    private static String timeBase(String key) {
        return key.endsWith("_ns") ? key.substring(0, key.length() - 3) : key;
    }

    private static ParquetLeaf int64(String name, Function<Object, Object> value) {
        return new ParquetLeaf(optional(PrimitiveTypeName.INT64, name), value);
    }

    private static ParquetLeaf string(String name, Function<Object, Object> value) {
        return new ParquetLeaf(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                .named(name), value);
    }

    private static PrimitiveType optional(PrimitiveTypeName type, String name) {
        return Types.optional(type).named(name);
    }
}
