package dev.tracekit.recording;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * How records written with a file's schema are read by a reader of the current one, as the Avro specification
 * defines schema resolution: as they are when the data is byte for byte the current layout, else through
 * resolution (fields added with defaults, which decoders also fill in themselves for data that only lacks
 * the fields added at the end, removed or reordered, promotions, enum symbols added behind a
 * default, unions widened). Writer schemas Avro cannot resolve are refused, saying where they differ.
 */
public enum ReadPath {
    /** The data is in the current layout: decoders made for it read it as it is. */
    AS_WRITTEN,
    /**
     * The data is the current layout's leading fields, written before later fields were added at the end
     * ({@link SchemaLayout#isLeadingPart}; an earlier minor version's records): decoders made for the current
     * layout read them as they are, reading the later fields only where the file has them and otherwise giving
     * them their defaults, as resolution would.
     */
    LEADING_FIELDS,
    /** The data is read through Avro's resolution against the current schema. */
    RESOLVED;

    /**
     * @param written the writer schema of a file of {@code stream}
     * @throws IllegalArgumentException, saying why, when Avro cannot resolve it against the current schema
     */
    public static ReadPath of(Schema written, RecordingStream stream) {
        if (SchemaLayout.encodesAlike(written, stream.schema())) {
            return AS_WRITTEN;
        }
        if (SchemaLayout.isLeadingPart(written, stream.schema())) {
            return LEADING_FIELDS;
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
