package dev.tracekit.analyzer.cli;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.SchemaVersion;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes opens files with headers the analyzer must refuse clearly, or label. */
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

    /** An openat by pid 7 at boot-clock 1 ns. */
    static OpenEvent open(String comm, String path, long flags, int mode, int result) {
        EventHeader header = EventHeader.newBuilder().setTsNs(1).setPid(7).setTid(7).setUid(0).setGid(0)
                .setComm(ByteBuffer.wrap(comm.getBytes(StandardCharsets.UTF_8))).setCgroupId(0).setCpu(0).build();
        return OpenEvent.newBuilder().setHeader(header).setSyscall(OpenSyscall.OPENAT).setDirfd(-100)
                .setPath(ByteBuffer.wrap(path.getBytes(StandardCharsets.UTF_8))).setPathTruncated(false)
                .setFlags(flags).setMode(mode).setResolve(0).setResult(result).build();
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
