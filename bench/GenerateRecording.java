import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a big synthetic recording for the analyzer benchmark, the way the recorder lays one out (the same
 * {@link RecordingFileWriter}, zstd level 1, 1 MiB blocks, files rotated every {@value #RECORDS_PER_FILE}
 * records): 80% per-event syscalls, 20% opens, from 300 processes over 40 syscalls and 2,000 paths, one
 * interval row per second of the span. Files are written in parallel, one per task, so 50M events take
 * seconds rather than minutes.
 *
 * <p>Run by bench/run.sh: {@code java -cp analyzer/target/tracekit-analyzer.jar bench/GenerateRecording.java
 * OUT_DIR EVENTS}.
 */
public class GenerateRecording {
    static final int RECORDS_PER_FILE = 2_500_000;
    static final long EVENT_STEP_NS = 1_000; // one event per microsecond: 50M events span 50 s
    static final long BOOT_WALL_NS = 1_793_606_400_000_000_000L;
    static final long START_NS = 3_600_000_000_000L;
    static final int PROCESSES = 300;
    static final int[] SYSCALLS = {0, 1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 20, 21, 23, 39, 41, 42, 44,
            45, 46, 47, 56, 59, 61, 62, 72, 202, 228, 230, 232, 257, 262, 270, 271, 281, 318};

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GenerateRecording OUT_DIR EVENTS");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        long events = Long.parseLong(args[1]);
        long opens = events / 5;
        long syscalls = events - opens;
        RecordingMeta meta = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION,
                "00000000-0000-4000-8000-" + String.format("%012d", events), "bench-gen", "6.1.0-bench", "x86_64",
                BOOT_WALL_NS, "bench-boot", "bench", "bench/GenerateRecording.java " + events, "{}");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<?>> files = new ArrayList<>();
        submitFiles(pool, files, dir, meta, RecordingStream.SYSCALL_EVENTS, syscalls, events);
        submitFiles(pool, files, dir, meta, RecordingStream.OPENS, opens, events);
        files.add(pool.submit(() -> writeIntervals(dir, meta, syscalls, opens, events)));
        for (Future<?> file : files) {
            file.get();
        }
        pool.shutdown();
        System.out.printf("%,d events (%,d syscall events, %,d opens) in %s%n", events, syscalls, opens, dir);
    }

    /** One task per file of the stream; record i of the stream has timestamp START + i * span / count. */
    static void submitFiles(ExecutorService pool, List<Future<?>> tasks, Path dir, RecordingMeta meta,
            RecordingStream stream, long count, long allEvents) {
        long seq = 1;
        for (long first = 0; first < count; first += RECORDS_PER_FILE, seq++) {
            long from = first;
            long to = Math.min(count, first + RECORDS_PER_FILE);
            long fileSeq = seq;
            tasks.add(pool.submit(() -> {
                try (RecordingFileWriter<org.apache.avro.specific.SpecificRecord> file = RecordingFileWriter.create(
                        dir, stream, fileSeq, meta, CodecSpec.parse(CodecSpec.DEFAULT), null)) {
                    EventSource source = new EventSource(fileSeq * 7919 + stream.ordinal());
                    double step = (double) allEvents * EVENT_STEP_NS / count;
                    for (long i = from; i < to; i++) {
                        long ts = START_NS + (long) (i * step);
                        file.append(stream == RecordingStream.OPENS ? source.open(ts) : source.syscall(ts));
                    }
                }
                return null;
            }));
        }
    }

    static Void writeIntervals(Path dir, RecordingMeta meta, long syscalls, long opens, long events) throws Exception {
        long spanNs = events * EVENT_STEP_NS;
        long intervals = Math.max(1, spanNs / 1_000_000_000L);
        try (RecordingFileWriter<IntervalStats> file = RecordingFileWriter.create(dir, RecordingStream.INTERVALS, 1,
                meta, CodecSpec.parse(CodecSpec.DEFAULT), null)) {
            for (long i = 0; i < intervals; i++) {
                long start = START_NS + i * spanNs / intervals;
                long end = START_NS + (i + 1) * spanNs / intervals;
                file.append(new IntervalStats(start, end, BOOT_WALL_NS,
                        Map.of(Family.SYSCALL_EVENTS.name(), share(syscalls, i, intervals),
                                Family.OPENS.name(), share(opens, i, intervals)),
                        List.of(), 0L));
            }
        }
        return null;
    }

    /** Interval i's part of n records spread evenly over the intervals (the parts sum to n). */
    static long share(long n, long i, long intervals) {
        return n * (i + 1) / intervals - n * i / intervals;
    }

    /** Plausible records with reused objects: a few hundred processes, skewed towards the busiest. */
    static final class EventSource {
        private static final long[] SIZES = {1, 8, 64, 512, 4096, 16384, 65536};
        private final SplittableRandom random;
        private final ByteBuffer[] comms = new ByteBuffer[PROCESSES];
        private final ByteBuffer[] paths = new ByteBuffer[2_000];
        private final EventHeader header = new EventHeader();
        private final SyscallEvent syscall = new SyscallEvent();
        private final OpenEvent open = new OpenEvent();

        EventSource(long seed) {
            random = new SplittableRandom(seed);
            String[] names = {"nginx", "postgres", "java", "python3", "sshd", "systemd", "bash", "node", "redis-server",
                    "containerd"};
            for (int p = 0; p < PROCESSES; p++) {
                comms[p] = bytes(names[p % names.length]);
            }
            String[] dirs = {"/etc/", "/usr/lib/x86_64-linux-gnu/", "/var/lib/postgresql/16/main/base/16384/",
                    "/proc/self/", "/srv/www/static/", "/home/ana/project/src/"};
            for (int i = 0; i < paths.length; i++) {
                paths[i] = bytes(dirs[i % dirs.length] + "file-" + i + (i % 3 == 0 ? ".conf" : ".dat"));
            }
        }

        SyscallEvent syscall(long ts) {
            syscall.setHeader(header(ts));
            syscall.setSyscall(SYSCALLS[skewed(SYSCALLS.length)]);
            long size = SIZES[random.nextInt(SIZES.length)];
            syscall.setArg0(3 + skewed(60));
            syscall.setArg1(0x7ffd_4000_0000L + skewed(256) * 4096L);
            syscall.setArg2(size);
            syscall.setArg3(0);
            syscall.setArg4(0);
            syscall.setArg5(0);
            syscall.setRet(random.nextInt(20) == 0 ? -11 : size);
            syscall.setDurationNs(300L << skewed(12));
            return syscall;
        }

        OpenEvent open(long ts) {
            open.setHeader(header(ts));
            open.setSyscall(OpenSyscall.OPENAT);
            open.setDirfd(-100);
            open.setPath(paths[skewed(paths.length)].rewind());
            open.setPathTruncated(false);
            open.setFlags(random.nextInt(8) == 0 ? 01101 : 0);
            open.setMode(random.nextInt(8) == 0 ? 0644 : 0);
            open.setResolve(0L);
            open.setResult(random.nextInt(10) == 0 ? -2 : 3 + random.nextInt(60));
            open.setFullPathStatus(FullPathStatus.ABSOLUTE); // every generated path is absolute
            return open;
        }

        private EventHeader header(long ts) {
            int process = skewed(PROCESSES);
            header.setTsNs(ts);
            header.setPid(1000 + process);
            header.setTid(1000 + process + (random.nextInt(4) == 0 ? random.nextInt(8) : 0));
            header.setUid(process % 7 == 0 ? 0L : 1000L);
            header.setGid(process % 7 == 0 ? 0L : 1000L);
            header.setComm(comms[process].rewind());
            header.setCgroupId(4_000L + process % 20);
            header.setCpu(random.nextInt(2));
            return header;
        }

        /** 0 .. n-1, small values far more often (the minimum of two uniform draws, squared). */
        private int skewed(int n) {
            double u = Math.min(random.nextDouble(), random.nextDouble());
            return (int) (u * u * n);
        }

        private static ByteBuffer bytes(String text) {
            return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
