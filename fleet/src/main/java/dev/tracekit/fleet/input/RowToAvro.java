package dev.tracekit.fleet.input;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A record as spark-avro reads it (a {@link Row} through the stream's schema) back as the schema's generated class,
 * for the analyzer's classes that take those: records become rows and back, enums their symbols, bytes byte arrays,
 * a union of null and one type that type or null.
 */
public final class RowToAvro {
    private RowToAvro() {
    }

    /** The row, read through {@code schema}, as an instance of the schema's generated class. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> T record(Row row, Schema schema) {
        return (T) value(row, schema);
    }

    private static Object value(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        return switch (schema.getType()) {
            case RECORD -> {
                Row row = (Row) value;
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), value(row.get(row.fieldIndex(field.name())), field.schema()));
                }
                yield record;
            }
            case UNION -> value(value, onlyType(schema));
            case ENUM -> SpecificData.get().createEnum(value.toString(), schema);
            case BYTES -> ByteBuffer.wrap((byte[]) value);
            case FIXED -> SpecificData.get().createFixed(null, (byte[]) value, schema);
            case STRING -> value.toString();
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (Object item : CollectionConverters.asJava((scala.collection.Iterable<?>) value)) {
                    items.add(value(item, schema.getElementType()));
                }
                yield items;
            }
            case MAP -> {
                Map<String, Object> entries = new HashMap<>();
                CollectionConverters.asJava((scala.collection.Map<?, ?>) value)
                        .forEach((k, v) -> entries.put(k.toString(), value(v, schema.getValueType())));
                yield entries;
            }
            default -> value; // int, long, float, double, boolean: Spark's boxed values are Avro's
        };
    }

    /** The type of a union of null and one type; spark-avro reads wider unions as structs, which no schema here has. */
    private static Schema onlyType(Schema union) {
        List<Schema> types = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        if (types.size() != 1) {
            throw new IllegalArgumentException("union " + union + " is not of null and one type");
        }
        return types.getFirst();
    }
}
