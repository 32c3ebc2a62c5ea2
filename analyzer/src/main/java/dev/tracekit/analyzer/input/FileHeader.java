package dev.tracekit.analyzer.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/** What a file's header says: whose recording it belongs to, which stream, which file of it, how compressed. */
record FileHeader(RecordingMeta meta, RecordingStream stream, long seq, BlockCodec codec) {

    /**
     * Interprets a container header.
     *
     * @return empty when the file is an Avro file but not one of a tracekit recording
     * @throws TracekitException (bad input) when the file is from a newer, incompatible schema
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
        if (meta.schemaVersion() > RecordingMeta.CURRENT_SCHEMA_VERSION) {
            throw TracekitException.badInput(displayName + ": written with schema version " + meta.schemaVersion()
                    + ", newer than this analyzer reads (" + RecordingMeta.CURRENT_SCHEMA_VERSION
                    + "); use a newer tracekit");
        }
        Optional<RecordingStream> stream = RecordingStream.ofSchema(schema);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        if (SchemaNormalization.parsingFingerprint64(schema)
                != SchemaNormalization.parsingFingerprint64(stream.get().schema())) {
            throw TracekitException.badInput(displayName + ": its " + stream.get().prefix()
                    + " schema differs from schema version " + RecordingMeta.CURRENT_SCHEMA_VERSION
                    + " although the header claims version " + meta.schemaVersion());
        }
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
        return Optional.of(new FileHeader(meta, stream.get(), fileSeq, codec));
    }

    private static String text(Map<String, byte[]> header, String key) {
        byte[] value = header.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
