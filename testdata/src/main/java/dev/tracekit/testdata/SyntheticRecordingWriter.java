package dev.tracekit.testdata;

import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes synthetic records into a recording directory the way the recorder lays them out: one stream of
 * files per family, rotated after a number of records, with several blocks per file so that block-level
 * readers and truncation have something to work on.
 */
final class SyntheticRecordingWriter {
    private final Path dir;
    private final SyntheticHost host;
    private final RecordingMeta meta;
    private final CodecFactory codec;
    private final int recordsPerFile;
    private final int recordsPerBlock;
    private boolean complete = true;

    SyntheticRecordingWriter(Path dir, SyntheticHost host, RecordingMeta meta, CodecFactory codec,
            int recordsPerFile, int recordsPerBlock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.host = host;
        this.meta = meta;
        this.codec = codec;
        this.recordsPerFile = recordsPerFile;
        this.recordsPerBlock = recordsPerBlock;
    }

    /**
     * Writes the records in order; an empty list still makes one file, as a recorder that saw nothing does. A
     * stream whose layout at the recording's version is no longer the current one is left out: its committed
     * files stay as that version wrote them (schema/README.md, rule 4).
     */
    <T extends SpecificRecord> void write(RecordingStream stream, List<T> records) throws IOException {
        if (!RecordingFileWriter.writes(stream, meta.schemaVersion())) {
            complete = false;
            return;
        }
        long seq = 1;
        int next = 0;
        do {
            int end = Math.min(records.size(), next + recordsPerFile);
            try (RecordingFileWriter<T> file = RecordingFileWriter.create(dir, stream, seq, meta, codec,
                    host.syncMarker(stream.fileName(seq)))) {
                for (int i = next; i < end; i++) {
                    file.append(records.get(i));
                    if ((i - next + 1) % recordsPerBlock == 0) {
                        file.flush();
                    }
                }
            }
            seq++;
            next = end;
        } while (next < records.size());
    }

    /** Whether every stream asked for was written. */
    boolean complete() {
        return complete;
    }
}
