package dev.tracekit.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.SchemaHistory;
import dev.tracekit.recording.SchemaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Old recordings must stay readable forever. schema/history/vN holds the schemas every released version
 * wrote; the current reader schemas must read each of them, in theory (Avro's compatibility check) and in
 * practice (every fixture file, whatever version wrote it).
 */
class SchemaEvolutionTest {
    private static final Path HISTORY = Path.of(System.getProperty("user.dir"), "history");

    @Test
    void historyHoldsEveryReleasedVersionAndTheCurrentOneLast() throws IOException {
        Set<String> directories;
        try (Stream<Path> list = Files.list(HISTORY)) {
            directories = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> released = SchemaHistory.RELEASED.stream().map(v -> "v" + v)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(released, directories, "schema/history/ and SchemaHistory.RELEASED disagree");
        assertEquals(RecordingMeta.CURRENT_SCHEMA_VERSION, SchemaHistory.RELEASED.getLast());
        assertEquals(SchemaHistory.RELEASED, SchemaHistory.RELEASED.stream().sorted().toList(), "oldest first");
    }

    @Test
    void historyHoldsTheCurrentVersionUnchanged() {
        for (RecordingStream stream : RecordingStream.values()) {
            assertEquals(SchemaHistory.schema(RecordingMeta.CURRENT_SCHEMA_VERSION, stream).orElse(null), stream.schema(),
                    stream + " differs from history/v" + RecordingMeta.CURRENT_SCHEMA_VERSION
                            + ": a schema change needs a new version (schema/README.md)");
        }
    }

    /** A stream once written is never dropped: its files must stay readable by every later version. */
    @Test
    void noStreamDisappearsFromALaterVersion() {
        for (int i = 1; i < SchemaHistory.RELEASED.size(); i++) {
            for (RecordingStream stream : RecordingStream.values()) {
                if (SchemaHistory.schema(SchemaHistory.RELEASED.get(i - 1), stream).isPresent()) {
                    assertTrue(SchemaHistory.schema(SchemaHistory.RELEASED.get(i), stream).isPresent(),
                            stream + " is missing from v" + SchemaHistory.RELEASED.get(i));
                }
            }
        }
    }

    /** The snapshot in every file's header is part of the format too, frozen beside the streams since 1.1. */
    @Test
    void historyHoldsTheCurrentProcessSnapshotSchemaAndItReadsEveryEarlierOne() throws IOException {
        Schema current = ProcessSnapshot.getClassSchema();
        assertEquals(historicSnapshot(RecordingMeta.CURRENT_SCHEMA_VERSION), current,
                "ProcessSnapshot differs from history: a schema change needs a new version (schema/README.md)");
        for (SchemaVersion version : SchemaHistory.RELEASED) {
            Path frozen = HISTORY.resolve("v" + version).resolve("process-snapshot.avsc");
            if (Files.exists(frozen)) {
                assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, SchemaCompatibility
                        .checkReaderWriterCompatibility(current, historicSnapshot(version)).getType(), "v" + version);
                assertAddedFieldsHaveDefaults(historicSnapshot(version), current, "process-snapshot");
            }
        }
        assertEnumsHaveDefaults(current, "process-snapshot");
    }

    private static Schema historicSnapshot(SchemaVersion version) throws IOException {
        return new Schema.Parser().parse(HISTORY.resolve("v" + version).resolve("process-snapshot.avsc").toFile());
    }

    @Test
    void currentSchemasReadEveryEarlierVersion() {
        for (SchemaVersion version : SchemaHistory.RELEASED) {
            for (RecordingStream stream : RecordingStream.values()) {
                Schema written = SchemaHistory.schema(version, stream).orElse(null);
                if (written == null) {
                    continue; // a stream added later: no file of this version has it
                }
                SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility
                        .checkReaderWriterCompatibility(stream.schema(), written);
                assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, result.getType(),
                        stream + " v" + version + ": " + result.getDescription());
            }
        }
    }

    /** Every enum of a later version must resolve symbols it does not know yet: each needs a default. */
    @Test
    void everyEnumHasADefault() {
        for (RecordingStream stream : RecordingStream.values()) {
            assertEnumsHaveDefaults(stream.schema(), stream.prefix());
        }
    }

    private static void assertEnumsHaveDefaults(Schema schema, String where) {
        switch (schema.getType()) {
            case ENUM -> assertTrue(schema.getEnumDefault() != null, where + ": enum " + schema.getName() + " has no default");
            case RECORD -> schema.getFields().forEach(f -> assertEnumsHaveDefaults(f.schema(), where + "." + f.name()));
            case ARRAY -> assertEnumsHaveDefaults(schema.getElementType(), where);
            case MAP -> assertEnumsHaveDefaults(schema.getValueType(), where);
            case UNION -> schema.getTypes().forEach(t -> assertEnumsHaveDefaults(t, where));
            default -> {
            }
        }
    }

    @Test
    void everyFieldAddedAfterTheFirstVersionHasADefault() throws IOException {
        for (RecordingStream stream : RecordingStream.values()) {
            // against the version that introduced the stream: its fields then need no default
            SchemaHistory.RELEASED.stream().flatMap(v -> SchemaHistory.schema(v, stream).stream()).findFirst()
                    .ifPresent(first -> assertAddedFieldsHaveDefaults(first, stream.schema(), stream.prefix()));
        }
    }

    private static void assertAddedFieldsHaveDefaults(Schema first, Schema current, String where) {
        if (current.getType() != Schema.Type.RECORD || first.getType() != Schema.Type.RECORD) {
            return;
        }
        for (Schema.Field field : current.getFields()) {
            Schema.Field old = first.getField(field.name());
            if (old == null) {
                assertTrue(field.hasDefaultValue(), where + "." + field.name() + " was added without a default");
            } else {
                assertAddedFieldsHaveDefaults(old.schema(), field.schema(), where + "." + field.name());
            }
        }
    }

    @Test
    void everyFixtureFileReadsWithTheCurrentSchemas() throws IOException {
        Path fixtures = Path.of(System.getProperty("tracekit.testdata"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixtures)) {
            files = walk.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no fixtures under " + fixtures);
        Set<SchemaVersion> versionsSeen = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(),
                    new GenericDatumReader<>())) {
                RecordingMeta meta = RecordingMeta.readFrom(reader::getMeta);
                versionsSeen.add(meta.schemaVersion());
                RecordingStream stream = RecordingStream.ofSchema(reader.getSchema()).orElseThrow();
                GenericDatumReader<GenericRecord> current = new GenericDatumReader<>(reader.getSchema(), stream.schema());
                try (DataFileReader<GenericRecord> resolving = new DataFileReader<>(file.toFile(), current)) {
                    while (resolving.hasNext()) {
                        resolving.next();
                    }
                } catch (AvroRuntimeException e) {
                    if (!file.getParent().getFileName().toString().equals("truncated")) {
                        failures.add(file + ": " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (SchemaVersion version : SchemaHistory.RELEASED) {
            assertTrue(versionsSeen.contains(version), "no fixture written by schema v" + version);
        }
    }
}
