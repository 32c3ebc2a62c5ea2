package dev.tracekit.analyzer.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.ReadPath;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.SchemaVersion;
import org.apache.avro.Schema;

/**
 * The schema a file's records were written with, and how they are read: as they are, by the hand-written
 * decoders, when the writer's data is byte for byte the current schema's; otherwise through Avro's schema
 * resolution against the current schema ({@link ReadPath}).
 *
 * @param schema   the writer schema, from the file's header
 * @param resolved true when records must be read through resolution
 * @param leading  true when records hold only the current layout's leading fields (fields added at the end
 *                 since), which a decoder that knows those later fields reads as they are
 */
record WriterSchema(Schema schema, boolean resolved, boolean leading) {

    /** @throws TracekitException (bad input) when Avro cannot resolve the writer schema against the current one */
    static WriterSchema of(Schema schema, RecordingStream stream, SchemaVersion version, String displayName) {
        try {
            ReadPath path = ReadPath.of(schema, stream);
            return new WriterSchema(schema, path == ReadPath.RESOLVED, path == ReadPath.LEADING_FIELDS);
        } catch (IllegalArgumentException e) {
            throw TracekitException.badInput(displayName + " (schema version " + version + "): " + e.getMessage());
        }
    }
}
