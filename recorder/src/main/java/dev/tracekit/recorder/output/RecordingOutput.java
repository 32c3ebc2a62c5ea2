package dev.tracekit.recorder.output;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * The recording directory's streams, each a {@link RotatingStreamWriter}, ended and closed together. Every file
 * started at one moment (all of them at the start, those rotating together at an interval's end) gets the same
 * process snapshot in its header, read once.
 */
public final class RecordingOutput implements Closeable {
    /** This process: a follower on the same host tells a dead recorder from a quiet one by it. */
    private static final byte[] RECORDER_PID = Long.toString(ProcessHandle.current().pid())
            .getBytes(StandardCharsets.US_ASCII);
    private final Map<RecordingStream, RotatingStreamWriter<?>> writers = new EnumMap<>(RecordingStream.class);
    private final Supplier<byte[]> snapshots;
    private byte[] snapshot;

    /** @param snapshots the encoded process snapshot for files started now (ProcessSnapshotCodec), or null for none */
    public RecordingOutput(Path dir, RecordingMeta meta, CodecFactory codec, RotationPolicy policy,
            Set<RecordingStream> streams, LongSupplier clockNs, RecordObserver observer, Supplier<byte[]> snapshots)
            throws IOException {
        this.snapshots = snapshots;
        try {
            for (RecordingStream stream : streams) {
                writers.put(stream, new RotatingStreamWriter<>(dir, stream, meta, codec, policy, clockNs, observer,
                        this::newFileMeta));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The writer of a stream this recording has; its record type is the stream's schema class. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> RotatingStreamWriter<T> writer(RecordingStream stream) {
        RotatingStreamWriter<?> writer = writers.get(stream);
        if (writer == null) {
            throw new IllegalArgumentException("this recording has no " + stream.prefix() + " stream");
        }
        return (RotatingStreamWriter<T>) writer;
    }

    public boolean has(RecordingStream stream) {
        return writers.containsKey(stream);
    }

    /** Records appended to a stream over the run (0 for a stream not recorded). */
    public long records(RecordingStream stream) {
        RotatingStreamWriter<?> writer = writers.get(stream);
        return writer == null ? 0 : writer.records();
    }

    public long bytesWritten() {
        return writers.values().stream().mapToLong(RotatingStreamWriter::bytesWritten).sum();
    }

    /** Flushes every stream and rotates those that are due. */
    public void endInterval() throws IOException {
        snapshot = null; // files started in this call share one snapshot, taken by the first of them
        for (RotatingStreamWriter<?> writer : writers.values()) {
            writer.endInterval();
        }
    }

    private Map<String, byte[]> newFileMeta() {
        if (snapshot == null) {
            snapshot = snapshots.get();
        }
        Map<String, byte[]> meta = new HashMap<>();
        meta.put(RecordingMeta.KEY_RECORDER_PID, RECORDER_PID);
        if (snapshot != null) {
            meta.put(RecordingMeta.KEY_PROCESS_SNAPSHOT, snapshot);
        }
        return meta;
    }

    /**
     * Closes every stream, the intervals last (RecordingStream's order). When an event stream's write failed, its
     * file is cut back to its last whole block, so the interval rows still buffered would count events that are
     * not on disk: they are not written, and the intervals file ends as a run that stopped abruptly does.
     */
    @Override
    public void close() throws IOException {
        IOException first = null;
        boolean eventsLost = false;
        for (Map.Entry<RecordingStream, RotatingStreamWriter<?>> entry : writers.entrySet()) {
            RotatingStreamWriter<?> writer = entry.getValue();
            try {
                if (entry.getKey() == RecordingStream.INTERVALS && eventsLost) {
                    writer.closeDiscardingBuffered();
                } else {
                    writer.close();
                }
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
            eventsLost |= entry.getKey() != RecordingStream.INTERVALS && writer.failed();
        }
        if (first != null) {
            throw first;
        }
    }
}
