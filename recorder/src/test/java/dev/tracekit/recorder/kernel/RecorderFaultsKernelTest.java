package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recorder under faults: killed, stopped, out of disk, fed a broken config. Each asserts what survives. */
@KernelTest
class RecorderFaultsKernelTest {
    private static final int SIGKILL = 9;

    @TempDir
    Path tmp;

    @Test
    void sigkillLosesAtMostTheLastIntervalAndEveryFileReadsUpToItsLastBlock() throws Exception {
        int burst = 3000;
        Path missing = tmp.resolve("missing-" + UUID.randomUUID());
        try (Workload workload = Workload.start("tk-killed", "wait", "opens", Integer.toString(burst), missing.toString(),
                "wait", "opens", Integer.toString(burst), missing.toString());
                RecorderProcess recorder = RecorderProcess.start(tmp.resolve("rec"), "--events", "opens",
                        "-p", Integer.toString(workload.pid()), "-i", "200ms", "--ringbuf-size", "16M")) {
            workload.go();
            assertEquals(burst, workload.result("opens"));
            Thread.sleep(1500); // several intervals: the first burst is flushed
            workload.go();
            assertEquals(burst, workload.result("opens"));
            recorder.signal("KILL"); // the second burst is at most one interval old
            assertEquals(128 + SIGKILL, recorder.awaitExit());

            AtomicInteger torn = new AtomicInteger();
            List<OpenEvent> opens = Recordings.readIntact(tmp.resolve("rec"), RecordingStream.OPENS, torn);
            List<IntervalStats> intervals = Recordings.readIntact(tmp.resolve("rec"), RecordingStream.INTERVALS, torn);
            long counted = intervals.stream().mapToLong(i -> i.getEvents().getOrDefault("OPENS", 0L)).sum();
            assertTrue(opens.size() >= burst && opens.size() <= 2 * burst,
                    () -> opens.size() + " opens survived; the first " + burst + " were flushed before the kill");
            assertTrue(counted >= burst && counted <= opens.size(),
                    () -> "the intervals account for " + counted + " of " + opens.size() + " opens read");
            assertTrue(intervals.stream().allMatch(i -> i.getDrops().isEmpty()), "a 16 MiB ring drops nothing here");
            assertTrue(opens.stream().allMatch(o -> o.getHeader().getPid() == workload.pid()));
            assertTrue(torn.get() <= 2, () -> torn + " files torn: at most the open file of each stream");
            assertTrue(BoundaryRows.isBoundary(intervals.getFirst()), "the opening row was flushed at once");
            assertTrue(BoundaryRows.endsAbruptly(intervals), "no closing row: a reader can tell the kill");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void aStopSignalClosesCleanlyAndKeepsEveryEventOrCountsItLost(String signal) throws Exception {
        int opens = 20_000;
        Path missing = tmp.resolve("missing-" + UUID.randomUUID());
        Path dir = tmp.resolve("rec");
        Path bundle = tmp.resolve("rec.tar.zst");
        try (Workload workload = Workload.start("tk-stopped", "wait", "opens", Integer.toString(opens), missing.toString());
                RecorderProcess recorder = RecorderProcess.start(dir, "--events", "opens", "--bundle", bundle.toString(),
                        "-p", Integer.toString(workload.pid()), "-i", "200ms", "--ringbuf-size", "64K")) {
            workload.go();
            assertEquals(opens, workload.result("opens"));
            assertEquals(0, workload.waitFor());
            recorder.signal(signal); // at once: what is still in the ring must be drained, not lost
            assertEquals(0, recorder.awaitExit(), recorder.err());

            long recorded = Recordings.read(dir, RecordingStream.OPENS).size();
            long dropped = dropped(Recordings.read(dir, RecordingStream.INTERVALS));
            assertEquals(opens, recorded + dropped, () -> "recorded " + recorded + " + dropped " + dropped);
            assertTrue(recorder.err().contains(", " + recorded + " opens, " + dropped + " lost,"), recorder.err());
            assertTrue(recorder.err().endsWith("tracekit record: bundled into " + bundle + "\n"), recorder.err());
            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            assertTrue(BoundaryRows.isBoundary(intervals.getFirst()) && BoundaryRows.isBoundary(intervals.getLast()));
            assertFalse(BoundaryRows.endsAbruptly(intervals));
            assertTrue(Files.size(bundle) > 0);
        }
    }

    @Test
    void aFullDiskEndsTheRunWithOneErrorAndExit1AndLeavesValidFiles() throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tracekit-test", mount.toString());
        try (Workload workload = Workload.start("tk-filler", "wait", "opens", "50000", longMissingPath(2000))) {
            Path dir = mount.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()),
                    "--codec", "none", "-i", "100ms", "-d", "20s");
            workload.go();
            assertEquals(50_000, workload.result("opens"));
            assertEquals(1, run.awaitExit(), run.err());

            List<String> lines = run.err().lines().filter(line -> !line.startsWith("tracekit record: recording ")).toList();
            assertEquals(List.of("tracekit record: writing " + dir + ": No space left on device"), lines);
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> all = files.toList();
                assertTrue(all.size() >= 2, "the streams' files stay");
                for (Path file : all) {
                    assertTrue(Recordings.endsAtBlockBoundary(file), () -> file + " ends in a torn block");
                }
            }
            List<OpenEvent> kept = Recordings.read(dir, RecordingStream.OPENS); // reads to the end: no torn block
            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            long counted = intervals.stream().mapToLong(i -> i.getEvents().getOrDefault("OPENS", 0L)).sum();
            assertTrue(counted <= kept.size(), () -> counted + " counted, " + kept.size() + " kept");
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void rotationNeverLeavesMoreThanMaxFilesPerStream() throws Exception {
        int maxFiles = 2;
        Path missing = tmp.resolve("missing-" + UUID.randomUUID());
        List<String> commands = new ArrayList<>(List.of("wait"));
        for (int burst = 0; burst < 8; burst++) {
            commands.addAll(List.of("opens", "500", missing.toString(), "sleep", "120"));
        }
        Path dir = tmp.resolve("rec");
        Map<RecordingStream, Integer> most = new EnumMap<>(RecordingStream.class);
        AtomicBoolean watching = new AtomicBoolean(true);
        try (Workload workload = Workload.start("tk-rotated", commands.toArray(String[]::new))) {
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()),
                    "--codec", "none", "-i", "100ms", "-d", "2500ms", "--rotate-size", "8K",
                    "--max-files", Integer.toString(maxFiles));
            Thread watcher = Thread.ofPlatform().start(() -> {
                while (watching.get()) {
                    for (RecordingStream stream : List.of(RecordingStream.OPENS, RecordingStream.INTERVALS)) {
                        most.merge(stream, filesOf(dir, stream).size(), Math::max);
                    }
                }
            });
            workload.go();
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            watching.set(false);
            watcher.join();

            List<Path> opens = filesOf(dir, RecordingStream.OPENS);
            assertEquals(maxFiles, most.get(RecordingStream.OPENS), () -> "most opens files seen at once: " + most);
            assertTrue(most.get(RecordingStream.INTERVALS) <= maxFiles, () -> "most files seen at once: " + most);
            assertEquals(maxFiles, opens.size());
            assertTrue(opens.getLast().getFileName().toString().compareTo(RecordingStream.OPENS.fileName(4)) >= 0,
                    () -> "rotated several times: " + opens);
            Recordings.read(dir, RecordingStream.OPENS); // what is left reads whole
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"broken JSON", "more comms than a filter map holds"})
    void anInvalidConfigOnReloadWarnsOnceAndTheOldFiltersKeepCounting(String fault) throws Exception {
        SyscallTable syscalls = SyscallTable.of(Arch.current());
        Path config = tmp.resolve("filters.json");
        Files.writeString(config, "{\"syscalls\": [\"getpid\"]}");
        try (Workload workload = Workload.start("tk-badconf", "wait", "getpid", "1000", "getppid", "300",
                "wait", "getpid", "2000", "getppid", "500")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "syscalls", "--config", config.toString(),
                    "-i", "200ms", "-d", "2500ms");
            workload.go();
            assertEquals(1000, workload.result("getpid"));
            assertEquals(300, workload.result("getppid"));
            Files.writeString(config, fault.equals("broken JSON") ? "{\"syscalls\": [\"getpid\", \"no_such_syscall\""
                    : "{\"syscalls\": [\"getpid\", \"getppid\"], \"comms\": [" + commNames("c", 1025) + "]}");
            run.awaitErr("not applied", 10);
            workload.go();
            assertEquals(2000, workload.result("getpid"));
            assertEquals(500, workload.result("getppid"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<String> warnings = run.err().lines().filter(line -> line.contains("warning")).toList();
            assertEquals(1, warnings.size(), run.err());
            assertTrue(warnings.getFirst().startsWith("tracekit record: warning: config " + config
                    + " not applied, previous filters stay: "), warnings.getFirst());
            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid()).toList();
            int getpid = syscalls.number("getpid").orElseThrow();
            assertEquals(3000, rows.stream().filter(r -> r.getSyscall() == getpid).mapToLong(SyscallCount::getCount).sum(),
                    () -> "rows: " + rows);
            assertTrue(rows.stream().allMatch(r -> r.getSyscall() == getpid), "getppid was never let in");
            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            for (int i = 1; i < intervals.size(); i++) {
                assertEquals(intervals.get(i - 1).getIntervalEndNs(), intervals.get(i).getIntervalStartNs());
            }
            assertEquals(0, dropped(intervals));
        }
    }

    /** {@code count} distinct comm names, JSON-quoted and comma-separated. */
    private static String commNames(String prefix, int count) {
        return String.join(", ", java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> "\"" + prefix + i + "\"").toList());
    }

    private static long dropped(List<IntervalStats> intervals) {
        return intervals.stream().flatMap(i -> i.getDrops().stream()).mapToLong(Drop::getCount).sum();
    }

    /** An absolute path of about {@code length} bytes that does not exist (components under NAME_MAX). */
    private String longMissingPath(int length) {
        StringBuilder path = new StringBuilder(tmp.resolve("missing-" + UUID.randomUUID()).toString());
        while (path.length() < length) {
            path.append('/').append("d".repeat(200));
        }
        return path.toString();
    }

    private static List<Path> filesOf(Path dir, RecordingStream stream) {
        try {
            return Files.isDirectory(dir) ? Recordings.files(dir, stream) : List.of();
        } catch (java.io.IOException e) {
            return List.of(); // the listing raced a deletion: the next one counts
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }
}
