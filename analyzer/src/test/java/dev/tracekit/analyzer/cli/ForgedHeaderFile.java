package dev.tracekit.analyzer.cli;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.SchemaVersion;
import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes opens files (no records) with headers the analyzer must refuse clearly, or label. */
final class ForgedHeaderFile {
    private ForgedHeaderFile() {
    }

    /** A header claiming a major schema version from the future. */
    static void write(Path file) throws IOException {
        write(file, new SchemaVersion(RecordingMeta.CURRENT_SCHEMA_VERSION.major() + 1, 0), "x86_64");
    }

    static void write(Path file, SchemaVersion schemaVersion, String arch) throws IOException {
        write(file, new RecordingMeta(schemaVersion, "id", "future-1", "9.9", arch, 0, "boot", "tracekit-9",
                "tracekit record", "{}"));
    }

    /** A current header with these filters (the recorder's tracekit.filters JSON). */
    static void writeWithFilters(Path file, String filtersJson) throws IOException {
        write(file, new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "id", "web-9", "6.1", "x86_64", 0, "boot",
                "tracekit-1", "tracekit record", filtersJson));
    }

    private static void write(Path file, RecordingMeta meta) throws IOException {
        try (DataFileWriter<OpenEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(OpenEvent.class))) {
            meta.writeTo(writer, RecordingStream.OPENS, 1);
            writer.create(RecordingStream.OPENS.schema(), file.toFile());
        }
    }
}
