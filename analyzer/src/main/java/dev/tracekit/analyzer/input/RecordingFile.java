package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;

/**
 * One Avro file of a recording, known by its header.
 *
 * @param seq    the file's place in its stream (the header's tracekit.file_seq); files are read in seq order
 * @param writer the schema its records were written with, and whether they are read through resolution
 */
record RecordingFile(FileOrigin origin, RecordingStream stream, long seq, BlockCodec codec, WriterSchema writer) {
    public String displayName() {
        return origin.displayName();
    }
}
