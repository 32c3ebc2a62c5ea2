package dev.tracekit.analyzer.cli;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes opens files with headers the analyzer must refuse clearly, or label. */
final class ForgedHeaderFile {
    private ForgedHeaderFile() {
    }

    /** A header claiming a schema version from the future. */
    static void write(Path file) throws IOException {
        write(file, RecordingMeta.CURRENT_SCHEMA_VERSION + 1, "x86_64");
    }

    static void write(Path file, int schemaVersion, String arch) throws IOException {
        write(file, new RecordingMeta(schemaVersion, "id", "future-1", "9.9", arch, 0, "boot", "tracekit-9",
                "tracekit record", "{}"));
    }

    /** A current header with these filters (the recorder's tracekit.filters JSON). */
    static void writeWithFilters(Path file, String filtersJson) throws IOException {
        write(file, new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "id", "web-9", "6.1", "x86_64", 0, "boot",
                "tracekit-1", "tracekit record", filtersJson));
    }

    /** A current x86_64 header over these opens. */
    static void writeOpens(Path file, List<OpenEvent> opens) throws IOException {
        writeOpens(file, "id", opens);
    }

    /** A current x86_64 header of host web-9 with this recording id over these opens. */
    static void writeOpens(Path file, String recordingId, List<OpenEvent> opens) throws IOException {
        write(file, new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, recordingId, "web-9", "6.1", "x86_64", 0,
                "boot", "tracekit-1", "tracekit record", "{}"), opens);
    }

    private static void write(Path file, RecordingMeta meta) throws IOException {
        write(file, meta, List.of());
    }

    private static void write(Path file, RecordingMeta meta, List<OpenEvent> opens) throws IOException {
        try (DataFileWriter<OpenEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(OpenEvent.class))) {
            meta.writeTo(writer, RecordingStream.OPENS, 1);
            writer.create(RecordingStream.OPENS.schema(), file.toFile());
            for (OpenEvent open : opens) {
                writer.append(open);
            }
        }
    }
}
