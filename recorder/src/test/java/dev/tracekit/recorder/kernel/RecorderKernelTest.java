package dev.tracekit.recorder.kernel;

import static dev.tracekit.recorder.kernel.ByteValues.array;
import static dev.tracekit.recorder.kernel.ByteValues.bytes;
import static dev.tracekit.recorder.kernel.ByteValues.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.host.BootClock;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs known workloads under the recorder and checks the recording holds exactly what they did. */
@KernelTest
class RecorderKernelTest {
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_TRUNC = 01000;
    private static final int RESOLVE_BENEATH = 0x08;
    private static final int ENOENT = 2;
    private static final int EXDEV = 18;
    private static final int ENAMETOOLONG = 36;
    private static final int SIGUSR1 = 10;
    private static final int SIGTERM = 15;
    private static final int SIGCHLD = 17;
    private static final int TRACE_SIGNAL_DELIVERED = 0;
    private static final int TRACE_SIGNAL_IGNORED = 1;
    private static final SyscallTable SYSCALLS = SyscallTable.of(Arch.current());

    @TempDir
    Path tmp;

    @Test
    void opensCarryPathFlagsModeAndFdOrErrno() throws Exception {
        Path created = tmp.resolve("created-" + UUID.randomUUID());
        Path missing = tmp.resolve("missing-" + UUID.randomUUID()).resolve("file");
        int flags = O_WRONLY | O_CREAT | O_EXCL;
        try (Workload workload = Workload.start("tk-opener", "wait",
                "open", created.toString(), Integer.toOctalString(flags), "640",
                // O_RDONLY with junk in the mode register: the kernel ignores it, so must the recording
                "open", missing.toString(), "0", "5307")) {
            Path dir = tmp.resolve("rec");
            long startNs = BootClock.nowNs();
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            long fd = workload.result("open");
            assertEquals(-ENOENT, workload.result("open"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            long endNs = BootClock.nowNs();

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(2, opens.size(), () -> "opens: " + opens);
            OpenEvent success = opens.get(0);
            assertHeader(success.getHeader(), workload, "tk-opener", startNs, endNs);
            assertAll(
                    () -> assertEquals(OpenSyscall.OPENAT, success.getSyscall()),
                    () -> assertEquals(-100, success.getDirfd()),
                    () -> assertArrayEquals(bytes(created.toString()), array(success.getPath())),
                    () -> assertFalse(success.getPathTruncated()),
                    () -> assertEquals(flags, success.getFlags()),
                    () -> assertEquals(0640, success.getMode()),
                    () -> assertEquals(0, success.getResolve()),
                    () -> assertEquals(fd, success.getResult()),
                    () -> assertTrue(fd >= 3));
            OpenEvent failure = opens.get(1);
            assertHeader(failure.getHeader(), workload, "tk-opener", startNs, endNs);
            assertAll(
                    () -> assertArrayEquals(bytes(missing.toString()), array(failure.getPath())),
                    () -> assertEquals(0, failure.getFlags()),
                    () -> assertEquals(0, failure.getMode(), "mode without O_CREAT or O_TMPFILE"),
                    () -> assertEquals(-ENOENT, failure.getResult()),
                    () -> assertTrue(failure.getHeader().getTsNs() >= success.getHeader().getTsNs()));
        }
    }

    @Test
    void openat2CreatAndOverlongPathsAreRecordedAsIssued() throws Exception {
        Path beneath = tmp.resolve("beneath-" + UUID.randomUUID());
        Path created = tmp.resolve("creat-" + UUID.randomUUID());
        boolean hasCreat = Arch.current() == Arch.X86_64; // aarch64 has no creat syscall
        List<String> commands = new ArrayList<>(List.of("wait",
                "openat2", beneath.toString(), Integer.toOctalString(O_WRONLY | O_CREAT), "600",
                Integer.toOctalString(RESOLVE_BENEATH),
                "longpath", "5000"));
        if (hasCreat) {
            commands.addAll(List.of("creat", created.toString(), "644"));
        }
        try (Workload workload = Workload.start("tk-opener", commands.toArray(String[]::new))) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            assertEquals(-EXDEV, workload.result("openat2")); // an absolute path is not beneath the cwd
            assertEquals(-ENAMETOOLONG, workload.result("longpath"));
            long creatFd = hasCreat ? workload.result("creat") : 0;
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(hasCreat ? 3 : 2, opens.size(), () -> "opens: " + opens);
            OpenEvent openat2 = opens.get(0);
            assertAll(
                    () -> assertEquals(OpenSyscall.OPENAT2, openat2.getSyscall()),
                    () -> assertEquals(-100, openat2.getDirfd()),
                    () -> assertArrayEquals(bytes(beneath.toString()), array(openat2.getPath())),
                    () -> assertEquals(O_WRONLY | O_CREAT, openat2.getFlags()),
                    () -> assertEquals(0600, openat2.getMode()),
                    () -> assertEquals(RESOLVE_BENEATH, openat2.getResolve()),
                    () -> assertEquals(-EXDEV, openat2.getResult()));
            OpenEvent overlong = opens.get(1);
            assertAll(
                    () -> assertEquals(OpenSyscall.OPENAT, overlong.getSyscall()),
                    () -> assertArrayEquals(bytes("a".repeat(4095)), array(overlong.getPath())),
                    () -> assertTrue(overlong.getPathTruncated()),
                    () -> assertEquals(-ENAMETOOLONG, overlong.getResult()));
            if (hasCreat) {
                OpenEvent creat = opens.get(2);
                assertAll(
                        () -> assertEquals(OpenSyscall.CREAT, creat.getSyscall()),
                        () -> assertEquals(-100, creat.getDirfd()),
                        () -> assertArrayEquals(bytes(created.toString()), array(creat.getPath())),
                        () -> assertEquals(O_CREAT | O_WRONLY | O_TRUNC, creat.getFlags()),
                        () -> assertEquals(0644, creat.getMode()),
                        () -> assertEquals(creatFd, creat.getResult()));
            }
        }
    }

    @Test
    void failedOnlyKeepsTheFailureAndDropsTheSuccessAndPathPrefixTheRest() throws Exception {
        Path created = tmp.resolve("created-" + UUID.randomUUID());
        Path missing = tmp.resolve("missing-" + UUID.randomUUID()).resolve("file");
        String elsewhere = "/nonexistent-" + UUID.randomUUID();
        try (Workload workload = Workload.start("tk-opener", "wait",
                "open", created.toString(), Integer.toOctalString(O_WRONLY | O_CREAT), "600",
                "open", missing.toString(), "0", "0",
                "open", elsewhere, "0", "0")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-x", "-p", Integer.toString(workload.pid()),
                    "--path-prefix", tmp + "/", "-d", "2s");
            workload.go();
            assertTrue(workload.result("open") >= 3);
            assertEquals(-ENOENT, workload.result("open"));
            assertEquals(-ENOENT, workload.result("open"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(1, opens.size(), () -> "opens: " + opens);
            assertArrayEquals(bytes(missing.toString()), array(opens.get(0).getPath()));
            assertEquals(-ENOENT, opens.get(0).getResult());
        }
    }

    @Test
    void signalsToASleeperAreRecordedWithTheirResults() throws Exception {
        try (Workload sleeper = Workload.start("tk-sleeper", "sleep", "20000")) {
            assertEquals("sleeping", sleeper.nextLine()); // SIGUSR1 is ignored from here on
            String target = Integer.toString(sleeper.pid());
            String usr1 = Integer.toString(SIGUSR1);
            try (Workload sender = Workload.start("tk-sender", "wait",
                    "kill", target, "0",
                    "kill", target, usr1,
                    "tkill", target, usr1,
                    "tgkill", target, target, usr1,
                    "sigqueue", target, usr1,
                    "tgsigqueue", target, target, usr1,
                    "tgkill", target, target, Integer.toString(SIGTERM))) {
                Path dir = tmp.resolve("rec");
                long startNs = BootClock.nowNs();
                RecorderRun run = RecorderRun.start(dir, "--events", "kills,kernel-signals",
                        "-p", Integer.toString(sender.pid()), "-d", "2s");
                sender.go();
                for (String command : List.of("kill", "kill", "tkill", "tgkill", "sigqueue", "tgsigqueue", "tgkill")) {
                    assertEquals(0, sender.result(command), command);
                }
                assertEquals(0, sender.waitFor());
                assertEquals(128 + SIGTERM, sleeper.waitFor());
                assertEquals(0, run.awaitExit(), run.err());
                long endNs = BootClock.nowNs();

                List<KillEvent> kills = Recordings.read(dir, RecordingStream.KILLS);
                List<KillEvent> sent = kills.stream().filter(k -> k.getSyscall() != KillSyscall.SIGNAL_GENERATE).toList();
                List<KillEvent> generated = kills.stream()
                        .filter(k -> k.getSyscall() == KillSyscall.SIGNAL_GENERATE).toList();
                kills.forEach(k -> assertHeader(k.getHeader(), sender, "tk-sender", startNs, endNs));
                int pid = sleeper.pid();
                assertEquals(7, sent.size(), () -> "kills: " + kills);
                assertKill(sent.get(0), KillSyscall.KILL, pid, 0, 0, 0);
                assertKill(sent.get(1), KillSyscall.KILL, pid, 0, SIGUSR1, 0);
                assertKill(sent.get(2), KillSyscall.TKILL, pid, pid, SIGUSR1, 0);
                assertKill(sent.get(3), KillSyscall.TGKILL, pid, pid, SIGUSR1, 0);
                assertKill(sent.get(4), KillSyscall.RT_SIGQUEUEINFO, pid, 0, SIGUSR1, 0);
                assertKill(sent.get(5), KillSyscall.RT_TGSIGQUEUEINFO, pid, pid, SIGUSR1, 0);
                assertKill(sent.get(6), KillSyscall.TGKILL, pid, pid, SIGTERM, 0);
                // Signal 0 is never generated; the five ignored SIGUSR1s and the delivered SIGTERM are, and so
                // is the SIGCHLD the kernel itself sends this JVM when the sender exits (current is the sender).
                assertEquals(7, generated.size(), () -> "signal_generate: " + generated);
                for (KillEvent usr1Generated : generated.subList(0, 5)) {
                    assertKill(usr1Generated, KillSyscall.SIGNAL_GENERATE, pid, pid, SIGUSR1, TRACE_SIGNAL_IGNORED);
                }
                assertKill(generated.get(5), KillSyscall.SIGNAL_GENERATE, pid, pid, SIGTERM, TRACE_SIGNAL_DELIVERED);
                // Its target is the JVM thread that forked the sender, which the test cannot name.
                assertEquals(SIGCHLD, generated.get(6).getSignal());
            }
        }
    }

    @Test
    void countsHoldExactlyTheGetpidCallsOfThatProcess() throws Exception {
        int calls = 12345;
        try (Workload workload = Workload.start("tk-counter", "wait", "getpid", Integer.toString(calls))) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "syscalls", "--latency", "-i", "300ms", "-d", "2s");
            workload.go();
            assertEquals(calls, workload.result("getpid"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            int getpid = SYSCALLS.number("getpid").orElseThrow();
            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid() && row.getSyscall() == getpid).toList();
            assertEquals(calls, rows.stream().mapToLong(SyscallCount::getCount).sum(), () -> "rows: " + rows);
            assertEquals(0, rows.stream().mapToLong(SyscallCount::getErrors).sum());
            for (SyscallCount row : rows) {
                assertEquals("tk-counter", string(row.getComm()));
                assertEquals(row.getCount(), row.getLatencyLog2Hist().stream().mapToLong(Long::longValue).sum());
                assertTrue(row.getLatencyTotalNs() > 0);
            }
            assertIntervalsAreContiguous(dir);
        }
    }

    @Test
    void countsCarryTheProcessNameNotTheCallingThreads() throws Exception {
        int calls = 777;
        String threadName = HexFormat.of().formatHex("tk-worker".getBytes(StandardCharsets.US_ASCII));
        try (Workload workload = Workload.start("tk-leader", "wait", "thread", threadName, Integer.toString(calls))) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "syscalls", "--syscalls", "getppid", "-d", "2s");
            workload.go();
            assertEquals(calls, workload.result("thread"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid()).toList();
            assertEquals(calls, rows.stream().mapToLong(SyscallCount::getCount).sum(), () -> "rows: " + rows);
            for (SyscallCount row : rows) {
                assertEquals("tk-leader", string(row.getComm()));
            }
        }
    }

    /**
     * -n matches the name the records it keeps carry: a count is the process's and carries its name, a syscall
     * event the thread's. Recording with -n and filtering afterwards with -n then agree.
     */
    @Test
    void commFilterMatchesTheProcessNameForCountsAndTheThreadNameForEvents() throws Exception {
        int calls = 321;
        int getppid = SYSCALLS.number("getppid").orElseThrow();
        String threadName = HexFormat.of().formatHex("tk-worker".getBytes(StandardCharsets.US_ASCII));
        for (String name : List.of("tk-leader", "tk-worker")) {
            try (Workload workload = Workload.start("tk-leader", "wait", "thread", threadName, Integer.toString(calls))) {
                Path dir = tmp.resolve("rec-" + name);
                RecorderRun run = RecorderRun.start(dir, "--events", "syscalls,syscall-events", "--syscalls", "getppid",
                        "-n", name, "-d", "2s");
                workload.go();
                assertEquals(calls, workload.result("thread"));
                assertEquals(0, workload.waitFor());
                assertEquals(0, run.awaitExit(), run.err());

                long counted = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                        .filter(row -> row.getPid() == workload.pid() && row.getSyscall() == getppid)
                        .mapToLong(SyscallCount::getCount).sum();
                long captured = Recordings.<SyscallEvent>read(dir, RecordingStream.SYSCALL_EVENTS).stream()
                        .filter(e -> e.getHeader().getPid() == workload.pid() && e.getSyscall() == getppid).count();
                // the process is tk-leader: its worker thread's calls count under -n tk-leader ...
                assertEquals(name.equals("tk-leader") ? calls : 0, counted, name);
                // ... and are events of a thread named tk-worker
                assertEquals(name.equals("tk-worker") ? calls : 0, captured, name);
            }
        }
    }

    /** A kernel-generated signal's result is its fate, never a failure: -x keeps the failed send only. */
    @Test
    void failedOnlyKeepsFailedSendsAndNoKernelSignals() throws Exception {
        try (Workload sleeper = Workload.start("tk-sleeper", "sleep", "20000")) {
            assertEquals("sleeping", sleeper.nextLine()); // SIGUSR1 is ignored from here on
            String noSuchPid = Integer.toString(1 << 22 | 1); // above any pid_max
            try (Workload sender = Workload.start("tk-sender", "wait",
                    "kill", Integer.toString(sleeper.pid()), Integer.toString(SIGUSR1),
                    "kill", noSuchPid, Integer.toString(SIGUSR1))) {
                Path dir = tmp.resolve("rec");
                RecorderRun run = RecorderRun.start(dir, "--events", "kills,kernel-signals", "-x",
                        "-p", Integer.toString(sender.pid()), "-d", "1500ms");
                sender.go();
                assertEquals(0, sender.result("kill"));
                assertEquals(-3, sender.result("kill")); // ESRCH
                assertEquals(0, sender.waitFor());
                assertEquals(0, run.awaitExit(), run.err());

                List<KillEvent> kills = Recordings.read(dir, RecordingStream.KILLS);
                assertEquals(1, kills.size(), () -> "kills: " + kills); // not the ignored SIGUSR1's signal_generate
                assertKill(kills.getFirst(), KillSyscall.KILL, 1 << 22 | 1, 0, SIGUSR1, -3);
                assertTrue(run.err().contains("warning: --failed-only records no kernel-signals"), run.err());
            }
        }
    }

    @Test
    void aTooSmallRingCountsEveryLostOpen() throws Exception {
        int opens = 20_000; // a 4 KiB ring holds ~46 opens; the storm must end well inside the recording
        Path missing = tmp.resolve("missing-" + UUID.randomUUID());
        try (Workload workload = Workload.start("tk-storm", "wait", "opens", Integer.toString(opens), missing.toString())) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()),
                    "--ringbuf-size", "4K", "-d", "6s", "--status-lines");
            workload.go();
            assertEquals(opens, workload.result("opens"));
            long stormEndNs = BootClock.nowNs();
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            long recorded = Recordings.read(dir, RecordingStream.OPENS).size();
            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            long dropped = intervals.stream().flatMap(i -> i.getDrops().stream()).mapToLong(Drop::getCount).sum();
            long counted = intervals.stream().mapToLong(i -> i.getEvents().getOrDefault("OPENS", 0L)).sum();
            assertTrue(intervals.getLast().getIntervalEndNs() > stormEndNs, "the recording ended before the storm");
            assertTrue(dropped > 0, "a 4 KiB ring must overflow under " + opens + " opens");
            assertEquals(opens, recorded + dropped, "recorded + dropped = generated");
            assertEquals(recorded, counted, "interval event counts match the records");
            // the analyzer's completeness of a family is recorded / (recorded + its drops): every drop is an open's
            assertTrue(intervals.stream().flatMap(i -> i.getDrops().stream()).allMatch(d -> d.getFamily() == Family.OPENS));
            List<String> status = run.err().lines().filter(line -> line.startsWith("tracekit record: status: ")).toList();
            assertFalse(status.isEmpty(), run.err());
            assertTrue(status.getLast().endsWith("  " + dropped + " lost"), () -> "the storm ended seconds before the "
                    + "last status line, which shows every drop: " + status);
            assertTrue(run.err().contains(", " + recorded + " opens, " + dropped + " lost, "), run.err());
        }
    }

    @Test
    void pidAndCommFiltersExcludeOtherProcesses() throws Exception {
        Path mine = tmp.resolve("mine-" + UUID.randomUUID());
        Path theirs = tmp.resolve("theirs-" + UUID.randomUUID());
        try (Workload wanted = Workload.start("tk-wanted", "wait", "open", mine.toString(), "0", "0");
                Workload other = Workload.start("tk-other", "wait", "open", theirs.toString(), "0", "0")) {
            Path byPid = tmp.resolve("by-pid");
            RecorderRun run = RecorderRun.start(byPid, "--events", "opens", "-p", Integer.toString(wanted.pid()),
                    "-d", "1500ms");
            wanted.go();
            other.go();
            assertEquals(-ENOENT, wanted.result("open"));
            assertEquals(-ENOENT, other.result("open"));
            assertEquals(0, run.awaitExit(), run.err());
            assertEquals(List.of(mine.toString()), paths(byPid));
        }
        try (Workload wanted = Workload.start("tk-wanted", "wait", "open", mine.toString(), "0", "0");
                Workload other = Workload.start("tk-other", "wait", "open", theirs.toString(), "0", "0")) {
            Path byComm = tmp.resolve("by-comm");
            RecorderRun run = RecorderRun.start(byComm, "--events", "opens", "-n", "tk-other", "-d", "1500ms");
            wanted.go();
            other.go();
            assertEquals(-ENOENT, wanted.result("open"));
            assertEquals(-ENOENT, other.result("open"));
            assertEquals(0, run.awaitExit(), run.err());
            assertEquals(List.of(theirs.toString()), paths(byComm));
        }
    }

    @Test
    void uidFilterKeepsOnlyThatUsersTasks() throws Exception {
        int nobody = 65534;
        Path mine = tmp.resolve("nobody-" + UUID.randomUUID());
        Path theirs = tmp.resolve("root-" + UUID.randomUUID());
        try (Workload wanted = Workload.startAs(nobody, "tk-nobody", "wait", "open", mine.toString(), "0", "0");
                Workload other = Workload.start("tk-root", "wait", "open", theirs.toString(), "0", "0")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-u", Integer.toString(nobody), "-d", "1500ms");
            wanted.go();
            other.go();
            wanted.result("open"); // EACCES or ENOENT: the test's directory is root's
            assertEquals(-ENOENT, other.result("open"));
            assertEquals(0, run.awaitExit(), run.err());
            List<OpenEvent> opens = Recordings.<OpenEvent>read(dir, RecordingStream.OPENS).stream()
                    .filter(o -> string(o.getPath()).startsWith(tmp.toString())).toList();
            assertEquals(List.of(mine.toString()), opens.stream().map(o -> string(o.getPath())).toList());
            assertEquals(nobody, opens.get(0).getHeader().getUid());
            assertEquals(nobody, opens.get(0).getHeader().getGid());
        }
    }

    @Test
    void cgroupFilterKeepsOnlyTasksInThatCgroup() throws Exception {
        Path cgroup = Processes.cgroup2Mount().resolve("tracekit-test-" + ProcessHandle.current().pid());
        Files.createDirectory(cgroup);
        Path mine = tmp.resolve("in-cgroup-" + UUID.randomUUID());
        Path theirs = tmp.resolve("outside-" + UUID.randomUUID());
        try (Workload wanted = Workload.start("tk-grouped", "wait", "open", mine.toString(), "0", "0");
                Workload other = Workload.start("tk-outside", "wait", "open", theirs.toString(), "0", "0")) {
            Files.writeString(cgroup.resolve("cgroup.procs"), Integer.toString(wanted.pid()));
            long cgroupId = ((Number) Files.getAttribute(cgroup, "unix:ino")).longValue();
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "--cgroup", cgroup.toString(), "-d", "1500ms");
            wanted.go();
            other.go();
            assertEquals(-ENOENT, wanted.result("open"));
            assertEquals(-ENOENT, other.result("open"));
            assertEquals(0, wanted.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(List.of(mine.toString()), paths(dir));
            assertEquals(cgroupId, opens.get(0).getHeader().getCgroupId());
        } finally {
            Files.delete(cgroup); // empty once the workload has exited
        }
    }

    @Test
    void syscallEventsCarryArgumentsResultAndDuration() throws Exception {
        Path missing = tmp.resolve("missing-" + UUID.randomUUID());
        try (Workload workload = Workload.start("tk-events", "wait", "getpid", "5", "open", missing.toString(), "1", "0")) {
            Path dir = tmp.resolve("rec");
            long startNs = BootClock.nowNs();
            RecorderRun run = RecorderRun.start(dir, "--events", "syscall-events", "--syscalls", "getpid,openat",
                    "-t", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            assertEquals(5, workload.result("getpid"));
            assertEquals(-ENOENT, workload.result("open"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            long endNs = BootClock.nowNs();

            int getpid = SYSCALLS.number("getpid").orElseThrow();
            int openat = SYSCALLS.number("openat").orElseThrow();
            List<SyscallEvent> events = Recordings.<SyscallEvent>read(dir, RecordingStream.SYSCALL_EVENTS).stream()
                    .filter(e -> e.getSyscall() == getpid || e.getRet() == -ENOENT).toList();
            assertEquals(6, events.size(), () -> "events: " + events);
            for (SyscallEvent event : events.subList(0, 5)) {
                assertHeader(event.getHeader(), workload, "tk-events", startNs, endNs);
                assertEquals(getpid, event.getSyscall());
                assertEquals(workload.pid(), event.getRet());
                assertTrue(event.getDurationNs() > 0 && event.getDurationNs() < endNs - startNs);
            }
            SyscallEvent open = events.get(5);
            assertAll(
                    () -> assertEquals(openat, open.getSyscall()),
                    () -> assertEquals(-100, (int) open.getArg0()), // AT_FDCWD
                    () -> assertEquals(1, open.getArg2()), // O_WRONLY
                    () -> assertEquals(-ENOENT, open.getRet()));
        }
    }

    /**
     * With 601 comms before and 601 others after, old and new members together overflow the 1,024-entry map:
     * the swap must still apply (it ended the run with E2BIG before).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 601})
    void configReloadCarriesCountsOnWithoutGapOrDoubleCount(int otherComms) throws Exception {
        Path config = tmp.resolve("filters.json");
        Files.writeString(config, "{\"syscalls\": [\"getpid\"]" + comms("c", otherComms) + "}");
        try (Workload workload = Workload.start("tk-reload", "wait", "getpid", "1000", "getppid", "300",
                "wait", "getpid", "2000", "getppid", "500")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "syscalls", "--config", config.toString(),
                    "-i", "200ms", "-d", "3s");
            workload.go();
            assertEquals(1000, workload.result("getpid"));
            assertEquals(300, workload.result("getppid"));
            Files.writeString(config, "{\"syscalls\": [\"getpid\", \"getppid\"]" + comms("d", otherComms) + "}");
            run.awaitErr("reloaded", 10);
            workload.go();
            assertEquals(2000, workload.result("getpid"));
            assertEquals(500, workload.result("getppid"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid()).toList();
            // getppid was not counted before the reload, getpid throughout: 1000 + 2000, once each.
            assertEquals(3000, total(rows, "getpid"), () -> "rows: " + rows);
            assertEquals(500, total(rows, "getppid"), () -> "rows: " + rows);
            assertIntervalsAreContiguous(dir);
        }
    }

    private static long total(List<SyscallCount> rows, String syscall) {
        int nr = SYSCALLS.number(syscall).orElseThrow();
        return rows.stream().filter(row -> row.getSyscall() == nr).mapToLong(SyscallCount::getCount).sum();
    }

    private static void assertIntervalsAreContiguous(Path dir) throws Exception {
        List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
        assertFalse(intervals.isEmpty());
        for (int i = 1; i < intervals.size(); i++) {
            assertEquals(intervals.get(i - 1).getIntervalEndNs(), intervals.get(i).getIntervalStartNs());
        }
        intervals.forEach(interval -> {
            assertTrue(interval.getDrops().isEmpty(), () -> "drops: " + interval);
            assertEquals(0, interval.getCountOverflows());
        });
    }

    /** A "comms" key naming the reload test's workload and {@code others} more, or nothing for none. */
    private static String comms(String prefix, int others) {
        if (others == 0) {
            return "";
        }
        return ", \"comms\": [\"tk-reload\", " + String.join(", ", IntStream.rangeClosed(1, others)
                .mapToObj(i -> "\"" + prefix + i + "\"").toList()) + "]";
    }

    private static List<String> paths(Path dir) throws Exception {
        return Recordings.<OpenEvent>read(dir, RecordingStream.OPENS).stream().map(o -> string(o.getPath())).toList();
    }

    private static void assertKill(KillEvent kill, KillSyscall syscall, int targetPid, int targetTid, int signal,
            int result) {
        assertAll(kill.toString(),
                () -> assertEquals(syscall, kill.getSyscall()),
                () -> assertEquals(targetPid, kill.getTargetPid()),
                () -> assertEquals(targetTid, kill.getTargetTid()),
                () -> assertEquals(signal, kill.getSignal()),
                () -> assertEquals(result, kill.getResult()));
    }

    static void assertHeader(EventHeader header, Workload workload, String comm, long startNs, long endNs) {
        assertAll(header.toString(),
                () -> assertEquals(workload.pid(), header.getPid()),
                () -> assertEquals(workload.pid(), header.getTid()),
                () -> assertEquals(0, header.getUid()),
                () -> assertEquals(0, header.getGid()),
                () -> assertEquals(comm, string(header.getComm())),
                // children stay in the test JVM's cgroup
                () -> assertEquals(Processes.cgroupId((int) ProcessHandle.current().pid()), header.getCgroupId()),
                () -> assertTrue(header.getCpu() >= 0 && header.getCpu() < Runtime.getRuntime().availableProcessors()),
                () -> assertTrue(header.getTsNs() > startNs && header.getTsNs() < endNs, "ts within the run"));
    }
}
