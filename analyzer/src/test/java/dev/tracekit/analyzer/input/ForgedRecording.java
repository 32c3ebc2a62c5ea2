package dev.tracekit.analyzer.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * A recording file built for a test: a real file's header and records re-encoded with a chosen codec (one
 * honest block), then blocks forged byte by byte behind them, framed with the file's own sync marker.
 */
final class ForgedRecording {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final byte[] sync;

    private ForgedRecording(byte[] honest) {
        bytes.writeBytes(honest);
        sync = Arrays.copyOfRange(honest, honest.length - 16, honest.length);
    }

    /** The header and every record of {@code source}, re-encoded with {@code codec} into one block. */
    static ForgedRecording of(Path source, CodecFactory codec) throws IOException {
        return of(source, codec, 1);
    }

    /** The header and every record of {@code source}, each {@code copies} times, in one block. */
    static ForgedRecording of(Path source, CodecFactory codec, int copies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(source.toFile(), new GenericDatumReader<>());
                DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(reader.getSchema()))) {
            reader.getMetaKeys().stream().filter(key -> !key.startsWith("avro."))
                    .forEach(key -> writer.setMeta(key, reader.getMeta(key)));
            writer.setCodec(codec);
            writer.setSyncInterval(1 << 30);
            writer.create(reader.getSchema(), out);
            for (GenericRecord record : reader) {
                for (int i = 0; i < copies; i++) {
                    writer.append(record);
                }
            }
        }
        return new ForgedRecording(out.toByteArray());
    }

    /** Where the next block will start. */
    int size() {
        return bytes.size();
    }

    /** Appends a block declaring {@code count} records and holding {@code data}, as the container frames it. */
    ForgedRecording block(long count, byte[] data) {
        return frame(count, data.length).raw(data).raw(sync);
    }

    /** Appends a block header (count and byte size) with nothing behind it. */
    ForgedRecording frame(long count, long size) {
        return raw(frameBytes(count, size));
    }

    ForgedRecording raw(byte[] data) {
        bytes.writeBytes(data);
        return this;
    }

    /** A block header as the container frames it: the record count and the byte size, as Avro varints. */
    static byte[] frameBytes(long count, long size) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        writeVarLong(frame, count);
        writeVarLong(frame, size);
        return frame.toByteArray();
    }

    /** The marker that ends the header and every block of this file. */
    byte[] syncMarker() {
        return sync.clone();
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes.toByteArray());
    }

    /** Avro's zig-zag varint. */
    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7fL) != 0) {
            out.write((int) ((n & 0x7f) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
    }
}
