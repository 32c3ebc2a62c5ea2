package dev.tracekit.analyzer.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * What a file's header says: whose recording it belongs to, which stream, which file of it, how compressed, and
 * with which schema its records were written.
 */
record FileHeader(RecordingMeta meta, RecordingStream stream, long seq, BlockCodec codec, WriterSchema writer) {

    /**
     * Interprets a container header.
     *
     * @return empty when the file is an Avro file but not one of a tracekit recording
     * @throws TracekitException (bad input) when the file is of a newer major version, or its schema does not
     *     resolve against the current one
     */
    static Optional<FileHeader> of(Map<String, byte[]> header, String displayName) {
        RecordingMeta meta;
        Schema schema;
        try {
            meta = RecordingMeta.readFrom(header::get);
            schema = new Schema.Parser().parse(text(header, "avro.schema"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!RecordingMeta.CURRENT_SCHEMA_VERSION.reads(meta.schemaVersion())) {
            throw TracekitException.badInput(displayName + ": written with schema version " + meta.schemaVersion()
                    + ", a major version this analyzer does not read (it reads " + RecordingMeta.CURRENT_SCHEMA_VERSION.major()
                    + ".x); use a newer tracekit");
        }
        Optional<RecordingStream> stream = RecordingStream.ofSchema(schema);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        WriterSchema writer = WriterSchema.of(schema, stream.get(), meta.schemaVersion(), displayName);
        BlockCodec codec;
        try {
            codec = BlockCodec.named(header.containsKey("avro.codec") ? text(header, "avro.codec") : null);
        } catch (RuntimeException e) {
            throw TracekitException.badInput(displayName + ": unknown Avro codec '" + text(header, "avro.codec") + "'");
        }
        byte[] seq = header.get(RecordingMeta.KEY_FILE_SEQ);
        long fileSeq;
        try {
            fileSeq = seq == null ? 0 : Long.parseLong(new String(seq, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            fileSeq = 0;
        }
        return Optional.of(new FileHeader(meta, stream.get(), fileSeq, codec, writer));
    }

    private static String text(Map<String, byte[]> header, String key) {
        byte[] value = header.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
