package dev.tracekit.recording;

import dev.tracekit.schema.ProcessSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The process snapshot in a file's header ({@link RecordingMeta#KEY_PROCESS_SNAPSHOT}): a one-record Avro
 * container file of its own, zstd-compressed, so it carries its writer schema and a reader of any later version
 * resolves it as it resolves the records. A few hundred processes take a few KiB.
 */
public final class ProcessSnapshotCodec {
    private ProcessSnapshotCodec() {
    }

    public static byte[] encode(ProcessSnapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<ProcessSnapshot> writer = new DataFileWriter<>(new SpecificDatumWriter<>(ProcessSnapshot.class))) {
            writer.setCodec(CodecFactory.zstandardCodec(3, false, true));
            writer.create(ProcessSnapshot.getClassSchema(), out);
            writer.append(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not one snapshot this version can resolve */
    public static ProcessSnapshot decode(byte[] bytes) {
        try (DataFileStream<ProcessSnapshot> in = new DataFileStream<>(new ByteArrayInputStream(bytes),
                new SpecificDatumReader<>(ProcessSnapshot.class))) {
            if (!in.hasNext()) {
                throw new IllegalArgumentException("the process snapshot holds no record");
            }
            return in.next();
        } catch (IOException | RuntimeException e) { // Avro's own limits throw UnsupportedOperationException
            throw new IllegalArgumentException("damaged process snapshot (" + e.getMessage() + ")", e);
        }
    }
}
