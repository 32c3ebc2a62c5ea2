package dev.tracekit.testdata;

import dev.tracekit.recording.RecordingMeta;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * Rewrites a recording as a later tracekit might write it, with the same events: every change Avro's schema
 * resolution allows at once. Records gain fields (a {@code ppid} in the event header, a note in every record),
 * every enum gains a symbol placed first (so every index shifts), fields come in reverse order, {@code flags}
 * is written as an int and {@code comm} as a string (promotions int→long and string→bytes), and the latency sum
 * of a count row is a plain long where the reader has a union with null. A reader that resolves these must give
 * the same figures as for the original.
 */
public final class FutureVersionWriter {
    /** The version the rewritten files claim: a later minor of the current major. */
    public static final String VERSION = RecordingMeta.CURRENT_SCHEMA_VERSION.major() + ".9";

    private final Map<String, Schema> evolved = new HashMap<>();

    /** {@code FutureVersionWriter FROM_DIR TO_DIR}: for benchmarks of the resolving read path (bench/). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FutureVersionWriter FROM_DIR TO_DIR");
            System.exit(2);
        }
        rewrite(Path.of(args[0]), Path.of(args[1]));
    }

    /** Rewrites every {@code .avro} file of {@code from} into {@code to}, under the same names. */
    public static void rewrite(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            files = list.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
        }
        for (Path file : files) {
            new FutureVersionWriter().rewriteFile(file, to.resolve(file.getFileName()));
        }
    }

    private void rewriteFile(Path from, Path to) throws IOException {
        try (DataFileReader<GenericRecord> in = new DataFileReader<>(from.toFile(), new GenericDatumReader<>())) {
            Schema future = evolve(in.getSchema());
            try (DataFileWriter<GenericRecord> out = new DataFileWriter<>(new GenericDatumWriter<>(future))) {
                for (String key : in.getMetaKeys()) {
                    if (!key.startsWith("avro.")) {
                        out.setMeta(key, in.getMeta(key));
                    }
                }
                out.setMeta(RecordingMeta.KEY_SCHEMA_VERSION, VERSION);
                out.setCodec(CodecFactory.zstandardCodec(1, false, true));
                out.create(future, to.toFile());
                for (GenericRecord record : in) {
                    out.append((GenericRecord) convert(record, in.getSchema(), future));
                }
            }
        }
    }

    private Schema evolve(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> evolveRecord(schema);
            case ENUM -> evolved.computeIfAbsent(schema.getFullName(), name -> {
                List<String> symbols = new ArrayList<>();
                symbols.add("ADDED_LATER");
                symbols.addAll(schema.getEnumSymbols());
                return Schema.createEnum(schema.getName(), schema.getDoc(), schema.getNamespace(), symbols);
            });
            case ARRAY -> Schema.createArray(evolve(schema.getElementType()));
            case MAP -> Schema.createMap(evolve(schema.getValueType()));
            case UNION -> Schema.createUnion(schema.getTypes().stream().map(this::evolve).toList());
            default -> schema;
        };
    }

    private Schema evolveRecord(Schema schema) {
        Schema done = evolved.get(schema.getFullName());
        if (done != null) {
            return done;
        }
        Schema record = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false);
        evolved.put(schema.getFullName(), record);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field.name(), evolveField(field), field.doc()));
        }
        if (schema.getName().equals("EventHeader")) {
            fields.add(new Schema.Field("ppid", Schema.create(Schema.Type.INT), "Added later: the parent."));
        }
        fields.add(new Schema.Field("note", Schema.create(Schema.Type.STRING), "Added later: a note."));
        Collections.reverse(fields);
        record.setFields(fields);
        return record;
    }

    private Schema evolveField(Schema.Field field) {
        return switch (field.name()) {
            case "flags" -> Schema.create(Schema.Type.INT);
            case "comm" -> Schema.create(Schema.Type.STRING);
            case "latency_total_ns" -> Schema.create(Schema.Type.LONG);
            default -> evolve(field.schema());
        };
    }

    private static Object convert(Object value, Schema from, Schema to) {
        switch (to.getType()) {
            case RECORD -> {
                GenericRecord in = (GenericRecord) value;
                GenericData.Record out = new GenericData.Record(to);
                for (Schema.Field field : to.getFields()) {
                    Schema.Field old = from.getField(field.name());
                    out.put(field.name(), old == null ? added(field.name())
                            : convert(in.get(field.name()), old.schema(), field.schema()));
                }
                return out;
            }
            case ENUM -> {
                return new GenericData.EnumSymbol(to, value.toString());
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    out.add(convert(item, from.getElementType(), to.getElementType()));
                }
                return out;
            }
            case MAP -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put(k, convert(v, from.getValueType(), to.getValueType())));
                return out;
            }
            case UNION -> {
                if (value == null) {
                    return null;
                }
                Schema branch = from.getTypes().get(GenericData.get().resolveUnion(from, value));
                return convert(value, branch, to.getTypes().get(from.getTypes().indexOf(branch)));
            }
            case STRING -> {
                if (value instanceof ByteBuffer bytes) {
                    byte[] raw = new byte[bytes.remaining()];
                    bytes.duplicate().get(raw);
                    return new Utf8(raw); // any bytes, as a writer of comm as a string would store them
                }
                return value;
            }
            case INT -> {
                if (value instanceof Long wide) {
                    return Math.toIntExact(wide);
                }
                return value;
            }
            case LONG -> {
                if (value == null) {
                    throw new IllegalArgumentException("a null where the future schema has a plain long");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static Object added(String name) {
        return name.equals("ppid") ? 4242 : new Utf8("written by tracekit " + VERSION);
    }
}
