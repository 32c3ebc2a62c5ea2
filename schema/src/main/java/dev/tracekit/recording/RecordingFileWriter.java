package dev.tracekit.recording;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes one Avro container file of a recording: the stream's schema, the recording's facts in the header,
 * the chosen codec. Files are created new with mode 0640: an existing file or a planted symlink at the path
 * is refused rather than overwritten or followed, and traces (paths, process names) are not world-readable.
 */
public final class RecordingFileWriter<T extends SpecificRecord> implements Closeable {
    /** Blocks of ~1 MiB: smaller ones made files 10-18% bigger (shared/MEASURED.md). */
    public static final int SYNC_INTERVAL = 1 << 20;

    /**
     * Writes through the generated classes' own {@code customEncode} (straight field writes, the same bytes)
     * instead of Avro's schema-walking writer: on the open storm the walk was half of the recorder's CPU per
     * event. Avro leaves custom coders off unless asked.
     */
    private static final SpecificData ENCODING = customCoders();

    private final Path path;
    private final CountingOutputStream out;
    private final DataFileWriter<T> writer;
    private long records;

    private RecordingFileWriter(Path path, CountingOutputStream out, DataFileWriter<T> writer) {
        this.path = path;
        this.out = out;
        this.writer = writer;
    }

    /**
     * Creates {@code dir/<stream>-<seq>.avro}.
     *
     * @param syncMarker the 16-byte block marker, or null for a random one; fixed only for reproducible fixtures
     */
    public static <T extends SpecificRecord> RecordingFileWriter<T> create(Path dir, RecordingStream stream,
            long seq, RecordingMeta meta, CodecFactory codec, byte[] syncMarker) throws IOException {
        return create(dir, stream, seq, meta, codec, syncMarker, Map.of());
    }

    /**
     * Creates {@code dir/<stream>-<seq>.avro} with facts of this file alone in its header besides the
     * recording's (the process snapshot: {@link RecordingMeta#KEY_PROCESS_SNAPSHOT}).
     */
    public static <T extends SpecificRecord> RecordingFileWriter<T> create(Path dir, RecordingStream stream,
            long seq, RecordingMeta meta, CodecFactory codec, byte[] syncMarker, Map<String, byte[]> fileMeta)
            throws IOException {
        Path path = dir.resolve(stream.fileName(seq));
        OutputStream file = Files.newOutputStream(createPrivateFile(path), StandardOpenOption.WRITE);
        CountingOutputStream counting = new CountingOutputStream(new BufferedOutputStream(file, 1 << 16));
        Schema schema = writerSchema(stream, meta.schemaVersion());
        // customEncode writes every current field: a version whose data lacks the later ones walks its schema
        DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema,
                schema.equals(stream.schema()) || SchemaLayout.encodesAlike(schema, stream.schema()) ? ENCODING
                        : SpecificData.get()));
        try {
            writer.setCodec(codec);
            writer.setSyncInterval(SYNC_INTERVAL);
            meta.writeTo(writer, stream, seq);
            fileMeta.forEach(writer::setMeta);
            if (syncMarker == null) {
                writer.create(schema, counting);
            } else {
                writer.create(schema, counting, syncMarker);
            }
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
        return new RecordingFileWriter<>(path, counting, writer);
    }

    /**
     * The current schema, or for files of an earlier version (the fixtures that stand for recordings made then)
     * that version's frozen schema. Only a version whose data is byte for byte the current one's, or its leading
     * fields, can be written from the current classes.
     */
    private static Schema writerSchema(RecordingStream stream, SchemaVersion version) {
        if (version.equals(RecordingMeta.CURRENT_SCHEMA_VERSION)) {
            return stream.schema();
        }
        Schema historic = SchemaHistory.schema(version, stream).orElseThrow(() -> new IllegalArgumentException(
                "schema version " + version + " has no " + stream.prefix() + " stream"));
        if (!SchemaLayout.encodesAlike(historic, stream.schema()) && !SchemaLayout.isLeadingPart(historic, stream.schema())) {
            throw new IllegalArgumentException("this build cannot write " + stream.prefix() + " files of schema version "
                    + version + ": their layout differs from version " + RecordingMeta.CURRENT_SCHEMA_VERSION);
        }
        return historic;
    }

    private static SpecificData customCoders() {
        SpecificData data = new SpecificData();
        data.setCustomCoders(true);
        return data;
    }

    private static Path createPrivateFile(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));
            return Files.createFile(path, mode);
        }
        return Files.createFile(path);
    }

    public Path path() {
        return path;
    }

    public void append(T record) throws IOException {
        writer.append(record);
        records++;
    }

    /**
     * Appends one record already in Avro's binary encoding of this file's schema (the recorder encodes ring records
     * straight into it); the buffer's remaining bytes are the record.
     */
    public void appendEncoded(ByteBuffer record) throws IOException {
        writer.appendEncoded(record);
        records++;
    }

    /** Ends the current block and hands it to the OS, so a crash loses at most what came after. */
    public void flush() throws IOException {
        writer.flush();
    }

    /** Bytes handed to the file so far (blocks still being filled in memory are not counted). */
    public long bytesWritten() {
        return out.count;
    }

    public long records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
