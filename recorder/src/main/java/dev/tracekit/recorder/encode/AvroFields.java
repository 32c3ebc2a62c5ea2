package dev.tracekit.recorder.encode;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** A record schema's fields with nested records flattened into dotted names ({@code header.pid}), in encoding order. */
final class AvroFields {
    private AvroFields() {
    }

    static List<String> flatten(Schema record) {
        List<String> names = new ArrayList<>();
        flatten(record, "", names);
        return names;
    }

    private static void flatten(Schema record, String prefix, List<String> names) {
        for (Schema.Field field : record.getFields()) {
            if (field.schema().getType() == Schema.Type.RECORD) {
                flatten(field.schema(), prefix + field.name() + ".", names);
            } else {
                names.add(prefix + field.name());
            }
        }
    }

    /** The type of a flattened field. */
    static Schema type(Schema record, String dottedName) {
        Schema type = record;
        for (String part : dottedName.split("\\.")) {
            type = type.getField(part).schema();
        }
        return type;
    }
}
