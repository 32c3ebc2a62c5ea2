package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.SyscallCount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Syscall counts are the same whatever else is recorded, and match what libbpf-tools syscount counts: every
 * syscall exit, including those whose entry was never seen.
 */
@KernelTest
class ExactCountsKernelTest {
    private static final SyscallTable SYSCALLS = SyscallTable.of(Arch.current());
    private static final int DENIED = 1000;
    private static final int THREAD_CALLS = 10;

    @TempDir
    Path tmp;

    /**
     * The workload is blocked in its go-ahead read when tracing begins, makes a thread (whose first return, from
     * clone3, has no entry) and has getppid denied by seccomp (which fails it before sys_enter runs).
     */
    @ParameterizedTest
    @ValueSource(strings = {"syscalls", "syscalls --latency", "syscalls,syscall-events"})
    void callsWhoseEntryWasNotSeenAreCountedInEveryMode(String mode) throws Exception {
        String threadName = HexFormat.of().formatHex("tk-exact-t".getBytes(StandardCharsets.US_ASCII));
        try (Workload workload = Workload.start("tk-exact", "wait", "denygetppid", "getppid", Integer.toString(DENIED),
                "thread", threadName, Integer.toString(THREAD_CALLS))) {
            Path dir = tmp.resolve("rec");
            List<String> args = new ArrayList<>(List.of("--events"));
            args.addAll(List.of(mode.split(" ")));
            args.addAll(List.of("-p", Integer.toString(workload.pid()), "-i", "300ms", "-d", "2s"));
            RecorderRun run = RecorderRun.start(dir, args.toArray(String[]::new));
            workload.go();
            assertEquals(DENIED, workload.result("getppid"));
            assertEquals(THREAD_CALLS, workload.result("thread"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid()).toList();
            assertEquals(1, count(rows, "read"), () -> "the go-ahead read, blocked when tracing began: " + rows);
            assertEquals(2, count(rows, "clone3"), () -> "the parent's return and the new thread's: " + rows);
            assertEquals(DENIED + THREAD_CALLS, count(rows, "getppid"), () -> "denied by seccomp: " + rows);
            assertEquals(DENIED + THREAD_CALLS, errors(rows, "getppid"));
            if (mode.contains("--latency")) {
                for (SyscallCount row : rows) {
                    long timed = row.getLatencyLog2Hist().stream().mapToLong(Long::longValue).sum();
                    assertTrue(timed <= row.getCount(), () -> "latency only for calls counted: " + row);
                }
            }
            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            assertEquals(0, intervals.stream().mapToLong(IntervalStats::getCountOverflows).sum());
            assertTrue(intervals.stream().allMatch(i -> i.getDrops().isEmpty()), () -> "nothing lost: " + intervals);
        }
    }

    /** The last interval is written under the stop handlers: more SIGINTs while it is written cannot lose it. */
    @Test
    void repeatedCtrlCDuringShutdownKeepsTheLastInterval() throws Exception {
        int calls = 4321;
        Path dir = tmp.resolve("rec");
        try (Workload workload = Workload.start("tk-impatient", "wait", "getppid", Integer.toString(calls));
                RecorderProcess recorder = RecorderProcess.start(dir, "--events", "syscalls", "--latency",
                        "-p", Integer.toString(workload.pid()), "-i", "1h")) {
            workload.go();
            assertEquals(calls, workload.result("getppid"));
            assertEquals(0, workload.waitFor());
            recorder.signalRepeatedly("INT", 200, 2);
            int exit = recorder.awaitExit();
            assertTrue(exit == 0 || exit == 130, () -> "ended by its stop or by a SIGINT once all was written: " + exit);

            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            assertFalse(BoundaryRows.endsAbruptly(intervals), () -> "closing row missing: " + intervals);
            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid()).toList();
            assertEquals(calls, count(rows, "getppid"), () -> "the only interval is the last: " + rows);
        }
    }

    private static long count(List<SyscallCount> rows, String syscall) {
        int nr = SYSCALLS.number(syscall).orElseThrow();
        return rows.stream().filter(row -> row.getSyscall() == nr).mapToLong(SyscallCount::getCount).sum();
    }

    private static long errors(List<SyscallCount> rows, String syscall) {
        int nr = SYSCALLS.number(syscall).orElseThrow();
        return rows.stream().filter(row -> row.getSyscall() == nr).mapToLong(SyscallCount::getErrors).sum();
    }
}
