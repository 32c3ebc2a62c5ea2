package dev.tracekit.analyzer.export;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes the filtered records back as recordings, for Spark and other Avro readers: one directory per
 * source recording ({@code <host>-<recording id>}), with the source's header facts, so the output is itself
 * a recording the analyzer reads. Existing files are never overwritten.
 */
public final class AvroExporter implements RecordVisitor, Closeable {
    private final Path directory;
    private final CodecFactory codec;
    private final Map<String, RecordingFileWriter<SpecificRecord>> writers = new HashMap<>();
    private final Map<String, Recording> exported = new LinkedHashMap<>();

    /** @param codec the files' block codec: {@code CodecSpec.parse(...)} of the user's choice */
    public AvroExporter(Path directory, CodecFactory codec) {
        this.directory = directory;
        this.codec = codec;
    }

    private RecordingFileWriter<SpecificRecord> writer(Recording recording, RecordingStream stream) {
        String key = recording.meta().recordingId() + "/" + stream.prefix();
        RecordingFileWriter<SpecificRecord> writer = writers.get(key);
        if (writer == null) {
            Path dir = directory.resolve(safeName(recording.host()) + "-" + safeName(recording.meta().recordingId()));
            try {
                Files.createDirectories(dir);
                // the records are the current schemas' (older files are resolved into them when read)
                writer = RecordingFileWriter.create(dir, stream, 1,
                        recording.meta().withSchemaVersion(RecordingMeta.CURRENT_SCHEMA_VERSION), codec, null);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw TracekitException.badInput(e.getFile() + ": already exists; export writes new files only");
            } catch (IOException e) {
                throw TracekitException.badInput(dir + ": cannot write: " + e.getMessage());
            }
            writers.put(key, writer);
            exported.put(recording.meta().recordingId(), recording);
        }
        return writer;
    }

    /** Host names and ids come from file headers: keep them to characters safe in a file name. */
    private static String safeName(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void append(Recording recording, RecordingStream stream, SpecificRecord record) {
        RecordingFileWriter<SpecificRecord> writer = writer(recording, stream);
        try {
            writer.append(record);
        } catch (IOException e) {
            throw TracekitException.badInput(writer.path() + ": cannot write: " + e.getMessage());
        }
    }






    @Override
    public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        append(recording, family.stream(), record);
    }

    /** Closes the files, adding each exported recording's interval statistics (its span and losses). */
    @Override
    public void close() throws IOException {
        for (Recording recording : exported.values()) {
            for (IntervalStats interval : recording.intervals()) {
                append(recording, RecordingStream.INTERVALS, interval);
            }
        }
        for (RecordingFileWriter<SpecificRecord> writer : writers.values()) {
            writer.close();
        }
    }
}
