package dev.tracekit.recording;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * How records written with a file's schema are read by a reader of the current one, as the Avro specification
 * defines schema resolution: as they are when the data is byte for byte the current layout, else through
 * resolution (fields added with defaults, removed or reordered, promotions, enum symbols added behind a
 * default, unions widened). Writer schemas Avro cannot resolve are refused, saying where they differ.
 */
public enum ReadPath {
    /**
     * The data is in the current layout, or in it but for trailing fields added since with a null default (an
     * earlier minor version): decoders made for it read it as it is, reading that tail only where the file has it.
     */
    AS_WRITTEN,
    /** The data is read through Avro's resolution against the current schema. */
    RESOLVED;

    /**
     * @param written the writer schema of a file of {@code stream}
     * @throws IllegalArgumentException, saying why, when Avro cannot resolve it against the current schema
     */
    public static ReadPath of(Schema written, RecordingStream stream) {
        if (SchemaLayout.encodesAlike(written, stream.schema())
                || SchemaLayout.encodesAlikeUpToNullTail(written, stream.schema())) {
            return AS_WRITTEN;
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(stream.schema(), written);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            SchemaCompatibility.Incompatibility first = compatibility.getResult().getIncompatibilities().getFirst();
            throw new IllegalArgumentException(("its " + stream.prefix() + " schema cannot be read as version "
                    + RecordingMeta.CURRENT_SCHEMA_VERSION + ": " + first.getMessage() + " at "
                    + first.getLocation()).replaceAll("\\s+", " "));
        }
        return RESOLVED;
    }
}
