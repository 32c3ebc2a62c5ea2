package dev.tracekit.fleet.input;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.util.List;
import java.util.Optional;

/**
 * One Avro file of a recording, known by its header: read from the file itself, or from a compacted table
 * that holds its records.
 *
 * @param uri       the file's qualified URI, as Spark's {@code _metadata.file_path} names it (for a compacted file,
 *                  where it was when it was compacted; its rows carry it in their {@code file_path} column)
 * @param seq       the file's place in its stream ({@code tracekit.file_seq})
 * @param processSnapshot the header's {@code tracekit.process_snapshot} as the recorder encoded it, null when it has
 *                  none (files before schema 1.1)
 * @param compacted the Parquet files of a table that hold its records (none for an empty file); empty when the
 *                  records are read from the Avro file
 */
public record RecordingFile(String uri, RecordingMeta meta, RecordingStream stream, long seq, byte[] processSnapshot,
        Optional<List<String>> compacted) {

    /** Which file of which recording this is, whatever its path: the same file met twice counts once. */
    public String key() {
        return meta.recordingId() + "/" + stream.prefix() + "/" + seq;
    }
}
