package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;

/**
 * One Avro file of a recording, known by its header.
 *
 * @param seq the file's place in its stream (the header's tracekit.file_seq); files are read in seq order
 */
record RecordingFile(FileOrigin origin, RecordingStream stream, long seq, BlockCodec codec) {
    public String displayName() {
        return origin.displayName();
    }
}
