package dev.tracekit.analyzer.cli;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes opens files with headers the analyzer must refuse clearly. */
final class ForgedHeaderFile {
    private ForgedHeaderFile() {
    }

    /** A header claiming a schema version from the future. */
    static void write(Path file) throws IOException {
        write(file, RecordingMeta.CURRENT_SCHEMA_VERSION + 1, "x86_64");
    }

    static void write(Path file, int schemaVersion, String arch) throws IOException {
        RecordingMeta meta = new RecordingMeta(schemaVersion, "id", "future-1", "9.9",
                arch, 0, "boot", "tracekit-9", "tracekit record", "{}");
        try (DataFileWriter<OpenEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(OpenEvent.class))) {
            meta.writeTo(writer, RecordingStream.OPENS, 1);
            writer.create(RecordingStream.OPENS.schema(), file.toFile());
        }
    }
}
