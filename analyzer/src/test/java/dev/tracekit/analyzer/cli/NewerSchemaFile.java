package dev.tracekit.analyzer.cli;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes an opens file whose header claims a schema version from the future. */
final class NewerSchemaFile {
    private NewerSchemaFile() {
    }

    static void write(Path file) throws IOException {
        RecordingMeta meta = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION + 1, "id", "future-1", "9.9",
                "x86_64", 0, "boot", "tracekit-9", "tracekit record", "{}");
        try (DataFileWriter<OpenEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(OpenEvent.class))) {
            meta.writeTo(writer, RecordingStream.OPENS, 1);
            writer.create(RecordingStream.OPENS.schema(), file.toFile());
        }
    }
}
