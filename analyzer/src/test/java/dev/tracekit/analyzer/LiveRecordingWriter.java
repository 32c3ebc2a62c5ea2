package dev.tracekit.analyzer;

import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallCount;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a recording the way the recorder does, step by step, for follow tests without a kernel: an opening boundary
 * row, interval rows that end each interval after its events are flushed, rotation of every stream together with an
 * optional --max-files, a closing boundary row. Its header names this host, its boot and a given recorder pid.
 */
public final class LiveRecordingWriter implements Closeable {
    public static final long INTERVAL_NS = 1_000_000_000L;
    /** Boot-clock time of the recording's start, far from 0 so offsets and times differ. */
    public static final long START_NS = 5_000_000_000L;
    private static final long BOOT_WALL_NS = 1_800_000_000_000_000_000L;

    private final Path dir;
    private final RecordingMeta meta;
    private final int maxFiles;
    private final long pid;
    private final Deque<Path> written = new ArrayDeque<>();
    private RecordingFileWriter<OpenEvent> opens;
    private RecordingFileWriter<SyscallCount> counts;
    private RecordingFileWriter<ProcEvent> procs;
    private RecordingFileWriter<IntervalStats> intervals;
    private long seq;
    private long nowNs = START_NS;
    private long opensInInterval;
    private long countsInInterval;
    private long procsInInterval;
    /** The streams written, each rotated together: what --max-files counts per file set. */
    private static final int STREAMS = 4;

    public LiveRecordingWriter(Path dir, long recorderPid, int maxFiles) throws IOException {
        this.dir = dir;
        this.pid = recorderPid;
        this.maxFiles = maxFiles;
        this.meta = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "live-1", host(), "6.1",
                "x86_64", BOOT_WALL_NS, local("random/boot_id"), "tracekit-test", "tracekit record",
                "{\"interval_ns\":" + INTERVAL_NS + "}");
        openFiles();
        intervals.append(BoundaryRows.at(nowNs, BOOT_WALL_NS, Map.of("OPENS", 0L, "SYSCALL_COUNTS", 0L)));
        intervals.flush();
    }

    /** The UTC text listings show for a boot-clock time of this recording. */
    public static String utc(long bootNs) {
        return java.time.Instant.ofEpochSecond(0, BOOT_WALL_NS + bootNs).toString();
    }

    /** The host name the header gives: this host's. */
    public static String host() throws IOException {
        return local("hostname");
    }

    private static String local(String file) throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/" + file)).strip();
    }

    private void openFiles() throws IOException {
        seq++;
        Map<String, byte[]> fileMeta = Map.of(RecordingMeta.KEY_RECORDER_PID,
                Long.toString(pid).getBytes(StandardCharsets.US_ASCII));
        while (maxFiles > 0 && written.size() >= (long) STREAMS * maxFiles) {
            for (int i = 0; i < STREAMS; i++) {
                Files.delete(written.removeFirst());
            }
        }
        opens = create(RecordingStream.OPENS, fileMeta);
        counts = create(RecordingStream.SYSCALL_COUNTS, fileMeta);
        procs = create(RecordingStream.PROCS, fileMeta);
        intervals = create(RecordingStream.INTERVALS, fileMeta);
    }

    private <T extends SpecificRecord> RecordingFileWriter<T> create(RecordingStream stream, Map<String, byte[]> fileMeta)
            throws IOException {
        RecordingFileWriter<T> writer = RecordingFileWriter.create(dir, stream, seq, meta, CodecFactory.zstandardCodec(1),
                null, fileMeta);
        writer.flush();
        written.addLast(writer.path());
        return writer;
    }

    /** An open by {@code comm} of {@code path} at this offset into the current interval; -2 is ENOENT. */
    public void open(long offsetNs, int pid, String comm, String path, int result) throws IOException {
        EventHeader header = EventHeader.newBuilder().setTsNs(nowNs + offsetNs).setPid(pid).setTid(pid).setUid(0)
                .setGid(0).setComm(bytes(comm)).setCgroupId(0).setCpu(0).build();
        opens.append(OpenEvent.newBuilder().setHeader(header).setSyscall(OpenSyscall.OPENAT).setDirfd(-100)
                .setPath(bytes(path)).setPathTruncated(false).setFlags(0).setMode(0).setResolve(0).setResult(result)
                .build());
        opensInInterval++;
    }

    /** An exec by {@code pid} (child of {@code ppid}) of a program named {@code comm} with these arguments. */
    public void exec(long offsetNs, int pid, int ppid, String comm, String... argv) throws IOException {
        EventHeader header = EventHeader.newBuilder().setTsNs(nowNs + offsetNs).setPid(pid).setTid(pid).setUid(0)
                .setGid(0).setComm(bytes(comm)).setCgroupId(0).setCpu(0).build();
        StringBuilder args = new StringBuilder();
        for (String arg : argv) {
            args.append(arg).append('\0');
        }
        procs.append(ProcEvent.newBuilder().setHeader(header).setKind(ProcKind.EXEC).setPpid(ppid)
                .setFilename(bytes("/usr/bin/" + comm)).setArgv(bytes(args.toString())).setArgvTruncated(false)
                .setOldPid(pid).build());
        procsInInterval++;
    }

    /** A syscall-count row of the current interval. */
    public void count(int pid, String comm, int syscall, long count, long errors) throws IOException {
        counts.append(SyscallCount.newBuilder().setIntervalStartNs(nowNs).setIntervalEndNs(nowNs + INTERVAL_NS)
                .setPid(pid).setComm(bytes(comm)).setSyscall(syscall).setCount(count).setErrors(errors)
                .build());
        countsInInterval++;
    }

    /**
     * Writes the events of the interval so far as a block of their own, as the recorder does when a block fills
     * mid-interval, or flushes the next interval's events while a follower reads.
     */
    public void flushEvents() throws IOException {
        opens.flush();
        counts.flush();
        procs.flush();
    }

    /** Ends the interval as the recorder does: its row, then every stream flushed, events first; then rotates. */
    public void endInterval(long lostOpens, boolean rotate) throws IOException {
        endInterval(Family.OPENS, lostOpens, rotate);
    }

    /** {@link #endInterval(long, boolean)} with {@code lost} events of the family dropped in the interval. */
    public void endInterval(Family family, long lost, boolean rotate) throws IOException {
        List<Drop> drops = lost == 0 ? List.of() : List.of(new Drop(family, 0, lost));
        intervals.append(new IntervalStats(nowNs, nowNs + INTERVAL_NS, BOOT_WALL_NS,
                Map.of("OPENS", opensInInterval, "SYSCALL_COUNTS", countsInInterval, "PROCS", procsInInterval), drops,
                0L));
        opens.flush();
        counts.flush();
        procs.flush();
        intervals.flush();
        nowNs += INTERVAL_NS;
        opensInInterval = 0;
        countsInInterval = 0;
        procsInInterval = 0;
        if (rotate) {
            rotate();
        }
    }

    /**
     * Starts the next file of every stream (deleting the oldest beyond --max-files): apart from
     * {@link #endInterval(long, boolean)}, a test can look at the recording between an interval's flush and the
     * rotation that follows it, as a reader woken by the flush does.
     */
    public void rotate() throws IOException {
        closeFiles();
        openFiles();
    }

    /** Stops cleanly: the closing boundary row. */
    @Override
    public void close() throws IOException {
        intervals.append(BoundaryRows.at(nowNs, BOOT_WALL_NS, Map.of("OPENS", 0L, "SYSCALL_COUNTS", 0L)));
        closeFiles();
    }

    private void closeFiles() throws IOException {
        opens.close();
        counts.close();
        procs.close();
        intervals.close();
    }

    /** Leaves the files as a killed recorder would: what was flushed stays, nothing closes them. */
    public void abandon() {
        opens = null;
        counts = null;
        procs = null;
        intervals = null;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
