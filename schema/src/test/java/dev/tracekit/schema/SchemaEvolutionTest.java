package dev.tracekit.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    private static Schema historic(int version, RecordingStream stream) throws IOException {
        return new Schema.Parser().parse(HISTORY.resolve("v" + version).resolve(stream.prefix() + ".avsc").toFile());
    }

    @Test
    void historyHoldsTheCurrentVersionUnchanged() throws IOException {
        for (RecordingStream stream : RecordingStream.values()) {
            assertEquals(historic(RecordingMeta.CURRENT_SCHEMA_VERSION, stream), stream.schema(),
                    stream + " differs from history/v" + RecordingMeta.CURRENT_SCHEMA_VERSION
                            + ": a schema change needs a new version (schema/README.md)");
        }
    }

    @Test
    void currentSchemasReadEveryEarlierVersion() throws IOException {
        for (int version = 1; version <= RecordingMeta.CURRENT_SCHEMA_VERSION; version++) {
            for (RecordingStream stream : RecordingStream.values()) {
                SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility
                        .checkReaderWriterCompatibility(stream.schema(), historic(version, stream));
                assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, result.getType(),
                        stream + " v" + version + ": " + result.getDescription());
            }
        }
    }

    @Test
    void everyFieldAddedAfterTheFirstVersionHasADefault() throws IOException {
        for (RecordingStream stream : RecordingStream.values()) {
            assertAddedFieldsHaveDefaults(historic(1, stream), stream.schema(), stream.prefix());
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
        Set<Integer> versionsSeen = new TreeSet<>();
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
        for (int version = 1; version <= RecordingMeta.CURRENT_SCHEMA_VERSION; version++) {
            assertTrue(versionsSeen.contains(version), "no fixture written by schema v" + version);
        }
    }
}
