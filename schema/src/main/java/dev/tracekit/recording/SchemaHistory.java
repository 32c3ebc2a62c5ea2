package dev.tracekit.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The schemas every released version wrote, frozen in schema/history/vN/ (one self-contained {@code .avsc} per
 * stream) and shipped as resources: what a file of that version says in its header, whatever the current
 * schemas have become since.
 */
public final class SchemaHistory {
    /** Every released version, oldest first; the last is {@link RecordingMeta#CURRENT_SCHEMA_VERSION}. */
    public static final List<SchemaVersion> RELEASED = List.of(new SchemaVersion(1, 0), new SchemaVersion(1, 1),
            new SchemaVersion(1, 2), new SchemaVersion(1, 3));

    private SchemaHistory() {
    }

    /**
     * The schema files of {@code stream} were written with at {@code version}; empty for a stream added after
     * that version (procs came with 1.1).
     */
    public static Optional<Schema> schema(SchemaVersion version, RecordingStream stream) {
        if (!RELEASED.contains(version)) {
            throw new IllegalArgumentException("schema version " + version + " was never released");
        }
        String resource = "history/v" + version + "/" + stream.prefix() + ".avsc";
        try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new Schema.Parser().parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
