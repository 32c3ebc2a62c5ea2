package dev.tracekit.recorder.output;

import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * One stream of a recording ({@code opens-000001.avro}, {@code opens-000002.avro}, ...): appends records,
 * and at each interval flushes (so data on disk is at most one interval behind) and rotates when the policy
 * says so. Rotation happens only at interval ends, so a file may pass --rotate-size by one interval's data.
 * After a failed write (a full disk) closing cuts the file back to its last whole block, so what was written
 * before stays a valid Avro file instead of ending in a torn block.
 */
public final class RotatingStreamWriter<T extends SpecificRecord> implements Closeable {
    private final Path dir;
    private final RecordingStream stream;
    private final RecordingMeta meta;
    private final CodecFactory codec;
    private final RotationPolicy policy;
    private final LongSupplier clockNs;
    private final RecordObserver observer;
    private final Supplier<Map<String, byte[]>> fileMeta;
    private final Deque<Path> files = new ArrayDeque<>();
    private RecordingFileWriter<T> current;
    private long seq;
    private long openedAtNs;
    private long bytesOfClosedFiles;
    private long recordsOfClosedFiles;
    private long intactBytes;
    private boolean failed;
    private boolean closed;

    public RotatingStreamWriter(Path dir, RecordingStream stream, RecordingMeta meta, CodecFactory codec,
            RotationPolicy policy, LongSupplier clockNs, RecordObserver observer, Supplier<Map<String, byte[]>> fileMeta)
            throws IOException {
        this.dir = dir;
        this.stream = stream;
        this.meta = meta;
        this.codec = codec;
        this.policy = policy;
        this.clockNs = clockNs;
        this.observer = observer;
        this.fileMeta = fileMeta;
        openNext();
    }

    public RecordingStream stream() {
        return stream;
    }

    public void append(T record) throws IOException {
        try {
            current.append(record); // writes a block when it fills
        } catch (IOException e) {
            failed = true;
            throw e;
        }
        observer.appended(stream, record);
    }

    /**
     * Appends a record already in Avro's binary encoding (RecordEncoder); the observer does not see it, so the caller
     * tallies what it encoded.
     */
    public void appendEncoded(ByteBuffer record) throws IOException {
        try {
            current.appendEncoded(record);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** Ends the interval: hands the buffered block to the OS, then starts a new file if one is due. */
    public void endInterval() throws IOException {
        flushCurrent();
        if (policy.due(current.bytesWritten(), clockNs.getAsLong() - openedAtNs)) {
            closeCurrent();
            openNext();
        }
    }

    /** Records appended over the whole run. */
    public long records() {
        return recordsOfClosedFiles + (current == null ? 0 : current.records());
    }

    /** Bytes handed to files over the whole run (deleted files included). */
    public long bytesWritten() {
        return bytesOfClosedFiles + (current == null ? 0 : current.bytesWritten());
    }

    private void openNext() throws IOException {
        // Delete before creating, so the stream never holds more than --max-files, not even for a moment.
        while (policy.maxFiles() > 0 && files.size() >= policy.maxFiles()) {
            Files.deleteIfExists(files.removeFirst());
        }
        seq++;
        current = RecordingFileWriter.create(dir, stream, seq, meta, codec, null, fileMeta.get());
        openedAtNs = clockNs.getAsLong();
        files.addLast(current.path());
        flushCurrent(); // the header, so even a file that never gets a block is whole
    }

    private void flushCurrent() throws IOException {
        try {
            current.flush();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
        intactBytes = current.bytesWritten();
    }

    private void closeCurrent() throws IOException {
        current.close();
        bytesOfClosedFiles += current.bytesWritten();
        recordsOfClosedFiles += current.records();
        current = null;
    }

    /** Whether a write to this stream failed: its file is cut back to its last whole block when closed. */
    public boolean failed() {
        return failed;
    }

    /** Closes as after a failed write: what is buffered is not kept, the file ends at its last whole block. */
    public void closeDiscardingBuffered() throws IOException {
        failed = true;
        close();
    }

    /**
     * Closes the current file; a second call, or one after a file failed to open, does nothing. After a failed
     * write the file is cut back to its last whole block, whether or not closing managed to write more.
     */
    @Override
    public void close() throws IOException {
        if (closed || current == null) {
            return;
        }
        closed = true;
        Path path = current.path();
        long intact = intactBytes;
        try {
            closeCurrent();
        } catch (IOException e) {
            failed = true;
            throw e;
        } finally {
            if (failed) {
                try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    file.truncate(intact); // frees space too: needs none
                }
            }
        }
    }
}
