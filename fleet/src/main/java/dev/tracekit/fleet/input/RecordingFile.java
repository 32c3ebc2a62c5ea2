package dev.tracekit.fleet.input;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;

/**
 * One Avro file of a recording, known by its header.
 *
 * @param uri the file's qualified URI, as Spark's {@code _metadata.file_path} names it
 * @param seq the file's place in its stream ({@code tracekit.file_seq})
 */
public record RecordingFile(String uri, RecordingMeta meta, RecordingStream stream, long seq) {
}
