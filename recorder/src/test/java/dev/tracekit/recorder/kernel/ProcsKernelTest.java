package dev.tracekit.recorder.kernel;

import static dev.tracekit.recorder.kernel.ByteValues.array;
import static dev.tracekit.recorder.kernel.ByteValues.bytes;
import static dev.tracekit.recorder.kernel.ByteValues.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.host.BootClock;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import dev.tracekit.schema.SyscallEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procs family: a workload renames itself, starts a thread, forks children that exit and are killed,
 * fails one exec and makes another, and the recording must hold each of those, field by field.
 */
@KernelTest
class ProcsKernelTest {
    private static final int ENOENT = 2;
    private static final int SIGTERM = 15;
    private static final int ARGV_BUF_LEN = 4096;
    private static final HexFormat HEX = HexFormat.of();
    /** Control characters, an escape sequence and bytes that are not UTF-8: argv is stored as it is. */
    private static final byte[] HOSTILE_ARG = {'c', 't', 'l', 0x01, 0x1b, '[', '3', '1', 'm', '\t', '\n',
            (byte) 0xff, (byte) 0xfe, (byte) 0x80, 'x'};

    @TempDir
    Path tmp;

    @Test
    void execForkExitAndRenameAreRecordedFieldByField() throws Exception {
        Path execd = Workload.binary("tk-execd");
        String missing = tmp.resolve("tk-missing").toString();
        try (Workload workload = Workload.start("tk-procs", "wait",
                "comm", hex("tk-renamed"),
                "thread", hex("tk-thread"), "1",
                "fork", "7",
                "forkkill", Integer.toString(SIGTERM),
                "exec", missing, "1", hex("tk-missing"),
                "exec", execd.toString(), "5", hex("tk-execd"), hex("exit"), hex("3"), HEX.formatHex(HOSTILE_ARG),
                hex(""))) {
            int w = workload.pid();
            int jvm = (int) ProcessHandle.current().pid();
            long cgroup = Processes.cgroupId(jvm); // children stay in the test JVM's cgroup
            Path dir = tmp.resolve("rec");
            long startNs = BootClock.nowNs();
            // No pid filter: the children's exits are under their own pids. syscall-events shows the failed exec.
            RecorderRun run = RecorderRun.start(dir, "--events", "procs,syscall-events", "--syscalls", "execve",
                    "-d", "3s");
            workload.go();
            assertEquals(0, workload.result("comm"));
            assertEquals(1, workload.result("thread"));
            int forked = (int) workload.result("fork");
            int killed = (int) workload.result("forkkill");
            assertEquals(-ENOENT, workload.result("exec"));
            assertEquals(3, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            long endNs = BootClock.nowNs();

            Set<Integer> ours = Set.of(w, forked, killed);
            List<ProcEvent> events = Recordings.<ProcEvent>read(dir, RecordingStream.PROCS).stream()
                    .filter(e -> ours.contains(e.getHeader().getPid()))
                    .sorted(Comparator.comparingLong(e -> e.getHeader().getTsNs())).toList();
            for (ProcEvent e : events) {
                assertHeader(e.getHeader(), cgroup, startNs, endNs);
            }

            ProcEvent rename = only(events, e -> e.getKind() == ProcKind.RENAME && e.getHeader().getTid() == w);
            assertAll("rename " + rename,
                    () -> assertEquals(w, rename.getHeader().getPid()),
                    () -> assertEquals("tk-procs", string(rename.getHeader().getComm()), "named before the change"),
                    () -> assertEquals(jvm, rename.getPpid()),
                    () -> assertEquals(w, rename.getRenamedTid()),
                    () -> assertEquals("tk-procs", string(rename.getOldComm())),
                    () -> assertEquals("tk-renamed", string(rename.getNewComm())));
            assertOnlyKindFields(rename);

            ProcEvent threadFork = only(events, e -> e.getKind() == ProcKind.FORK && e.getChildIsThread());
            int thread = threadFork.getChildTid();
            assertAll("thread fork " + threadFork,
                    () -> assertEquals(w, threadFork.getHeader().getPid()),
                    () -> assertEquals(w, threadFork.getHeader().getTid()),
                    () -> assertEquals("tk-renamed", string(threadFork.getHeader().getComm())),
                    () -> assertEquals(jvm, threadFork.getPpid()),
                    () -> assertEquals(w, threadFork.getParentPid()),
                    () -> assertEquals(w, threadFork.getParentTid()),
                    () -> assertEquals(w, threadFork.getChildPid()),
                    () -> assertNotEquals(w, thread));
            assertOnlyKindFields(threadFork);
            ProcEvent threadRename = only(events, e -> e.getKind() == ProcKind.RENAME && e.getHeader().getTid() == thread);
            assertAll("thread rename " + threadRename,
                    () -> assertEquals(w, threadRename.getHeader().getPid()),
                    () -> assertEquals(thread, threadRename.getRenamedTid()),
                    () -> assertEquals("tk-renamed", string(threadRename.getOldComm())),
                    () -> assertEquals("tk-thread", string(threadRename.getNewComm())));
            ProcEvent threadExit = only(events, e -> e.getKind() == ProcKind.EXIT && e.getHeader().getTid() == thread);
            assertAll("thread exit " + threadExit,
                    () -> assertEquals(w, threadExit.getHeader().getPid()),
                    () -> assertEquals("tk-thread", string(threadExit.getHeader().getComm())),
                    () -> assertEquals(jvm, threadExit.getPpid()),
                    () -> assertEquals(0, threadExit.getExitCode()),
                    () -> assertNull(threadExit.getExitSignal()),
                    () -> assertEquals(false, threadExit.getLastThread(), "the process goes on"));
            assertOnlyKindFields(threadExit);

            assertChild(events, w, forked, jvm);
            ProcEvent exited = only(events, e -> e.getKind() == ProcKind.EXIT && e.getHeader().getPid() == forked);
            assertAll("exit with a code " + exited,
                    () -> assertEquals(forked, exited.getHeader().getTid()),
                    () -> assertEquals("tk-renamed", string(exited.getHeader().getComm())),
                    () -> assertEquals(w, exited.getPpid()),
                    () -> assertEquals(7, exited.getExitCode()),
                    () -> assertNull(exited.getExitSignal()),
                    () -> assertNull(exited.getCoreDumped()),
                    () -> assertEquals(true, exited.getLastThread()));
            assertChild(events, w, killed, jvm);
            ProcEvent signalled = only(events, e -> e.getKind() == ProcKind.EXIT && e.getHeader().getPid() == killed);
            assertAll("killed by a signal " + signalled,
                    () -> assertEquals(w, signalled.getPpid()),
                    () -> assertNull(signalled.getExitCode()),
                    () -> assertEquals(SIGTERM, signalled.getExitSignal()),
                    () -> assertEquals(false, signalled.getCoreDumped()),
                    () -> assertEquals(true, signalled.getLastThread()));
            assertOnlyKindFields(signalled);

            // The exec tracepoint fires only once an exec has succeeded: the failed one is a syscall event.
            assertTrue(events.stream().noneMatch(e -> e.getKind() == ProcKind.EXEC
                    && string(e.getFilename()).equals(missing)), () -> "failed exec recorded: " + events);
            int execve = SyscallTable.of(Arch.current()).number("execve").orElseThrow();
            List<SyscallEvent> failedExecs = Recordings.<SyscallEvent>read(dir, RecordingStream.SYSCALL_EVENTS)
                    .stream().filter(e -> e.getHeader().getPid() == w && e.getSyscall() == execve && e.getRet() < 0)
                    .toList();
            assertEquals(1, failedExecs.size(), () -> "failed execve events: " + failedExecs);
            assertEquals(-ENOENT, failedExecs.getFirst().getRet());

            ProcEvent exec = only(events, e -> e.getKind() == ProcKind.EXEC);
            byte[] argv = nulTerminated(bytes("tk-execd"), bytes("exit"), bytes("3"), HOSTILE_ARG, new byte[0]);
            assertAll("exec " + exec,
                    () -> assertEquals(w, exec.getHeader().getPid()),
                    () -> assertEquals(w, exec.getHeader().getTid()),
                    () -> assertEquals("tk-execd", string(exec.getHeader().getComm()), "the new program's name"),
                    () -> assertEquals(jvm, exec.getPpid()),
                    () -> assertEquals(execd.toString(), string(exec.getFilename())),
                    () -> assertArrayEquals(argv, array(exec.getArgv()), "argv byte for byte"),
                    () -> assertEquals(false, exec.getArgvTruncated()),
                    () -> assertEquals(w, exec.getOldPid()));
            assertOnlyKindFields(exec);
            ProcEvent last = only(events, e -> e.getKind() == ProcKind.EXIT && e.getHeader().getPid() == w
                    && e.getHeader().getTid() == w);
            assertAll("the exec'd program's exit " + last,
                    () -> assertEquals("tk-execd", string(last.getHeader().getComm())),
                    () -> assertEquals(3, last.getExitCode()),
                    () -> assertEquals(true, last.getLastThread()),
                    () -> assertTrue(last.getHeader().getTsNs() > exec.getHeader().getTsNs()));
            assertEquals(10, events.size(), () -> "events: " + events); // nothing more than the above
        }
    }

    @Test
    void argvPastTheBoundIsTruncatedFlaggedAndPidFiltersApply() throws Exception {
        Path execd = Workload.binary("tk-execd");
        byte[] longArg = "a".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        try (Workload workload = Workload.start("tk-longargv", "wait", "fork", "0",
                "exec", execd.toString(), "4", hex("tk-execd"), hex("exit"), hex("0"), HEX.formatHex(longArg))) {
            int w = workload.pid();
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "procs", "-p", Integer.toString(w), "-d", "2s");
            workload.go();
            int child = (int) workload.result("fork");
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<ProcEvent> events = Recordings.read(dir, RecordingStream.PROCS);
            assertTrue(events.stream().allMatch(e -> e.getHeader().getPid() == w), () -> "not only " + w + ": " + events);
            assertEquals(List.of(ProcKind.FORK, ProcKind.EXEC, ProcKind.EXIT),
                    events.stream().map(ProcEvent::getKind).toList(), "the child's exit is another pid's");
            assertEquals(child, events.getFirst().getChildPid());
            ProcEvent exec = events.get(1);
            byte[] whole = nulTerminated(bytes("tk-execd"), bytes("exit"), bytes("0"), longArg);
            byte[] head = new byte[ARGV_BUF_LEN];
            System.arraycopy(whole, 0, head, 0, ARGV_BUF_LEN);
            assertArrayEquals(head, array(exec.getArgv()));
            assertEquals(true, exec.getArgvTruncated());
            assertEquals(execd.toString(), string(exec.getFilename()));
            assertEquals(0, events.get(2).getExitCode());
        }
    }

    /** A thread other than the leader execs: the kernel gives it the leader's pid, and old_pid says who it was. */
    @Test
    void aThreadsExecTakesTheLeadersPidAndKeepsItsOwnAsOldPid() throws Exception {
        Path execd = Workload.binary("tk-execd");
        try (Workload workload = Workload.start("tk-threadexec", "wait",
                "threadexec", execd.toString(), "3", hex("tk-execd"), hex("exit"), hex("5"))) {
            int w = workload.pid();
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "procs", "-p", Integer.toString(w), "-d", "2s");
            workload.go();
            assertEquals(5, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<ProcEvent> events = Recordings.read(dir, RecordingStream.PROCS);
            ProcEvent thread = only(events, e -> e.getKind() == ProcKind.FORK);
            assertEquals(true, thread.getChildIsThread());
            ProcEvent exec = only(events, e -> e.getKind() == ProcKind.EXEC);
            assertAll("exec by a thread " + exec,
                    () -> assertEquals(w, exec.getHeader().getPid()),
                    () -> assertEquals(w, exec.getHeader().getTid(), "the leader's id after the exec"),
                    () -> assertEquals(thread.getChildTid(), exec.getOldPid(), "the thread that exec'd"),
                    () -> assertNotEquals(w, exec.getOldPid()),
                    () -> assertEquals("tk-execd", string(exec.getHeader().getComm())));
            ProcEvent last = only(events, e -> e.getKind() == ProcKind.EXIT && e.getLastThread());
            assertEquals(5, last.getExitCode());
            assertTrue(last.getHeader().getTsNs() > exec.getHeader().getTsNs());
        }
    }

    /**
     * A cgroup made while recording (as systemd makes a unit's, containerd a container's) is named by a CGROUP_MKDIR
     * record, whoever made it and whatever the task filters; one removed while recording changes nothing already
     * recorded; a cgroup v1 directory (this host also mounts v1 hierarchies) is not a cgroup the events name.
     */
    @Test
    void aCgroupMadeWhileRecordingIsNamedAndItsRemovalLosesNothing() throws Exception {
        Path mount = Processes.cgroup2Mount();
        String name = "tracekit-mkdir-" + ProcessHandle.current().pid();
        Path cgroup = mount.resolve(name);
        Path v1 = Path.of("/sys/fs/cgroup/pids").resolve(name);
        boolean hybrid = Files.isDirectory(v1.getParent()) && !v1.getParent().equals(mount);
        Path opened = tmp.resolve("in-new-cgroup");
        try (Workload workload = Workload.start("tk-cgrouped", "wait", "open", opened.toString(), "0", "0")) {
            Path dir = tmp.resolve("rec");
            // The pid filter names the workload: the mkdir, by this JVM, is recorded all the same.
            RecorderRun run = RecorderRun.start(dir, "--events", "procs,opens", "-p", Integer.toString(workload.pid()),
                    "-d", "2s");
            int jvm = (int) ProcessHandle.current().pid();
            long parentCgroup = Processes.cgroupId(jvm);
            long startNs = BootClock.nowNs();
            Files.createDirectory(cgroup);
            if (hybrid) {
                Files.createDirectory(v1);
            }
            long id = ((Number) Files.getAttribute(cgroup, "unix:ino")).longValue();
            Files.writeString(cgroup.resolve("cgroup.procs"), Integer.toString(workload.pid()));
            workload.go();
            assertEquals(-ENOENT, workload.result("open"));
            assertEquals(0, workload.waitFor());
            Files.delete(cgroup); // removed while the recorder still runs
            if (hybrid) {
                Files.delete(v1);
            }
            long endNs = BootClock.nowNs();
            assertEquals(0, run.awaitExit(), run.err());

            List<ProcEvent> mkdirs = Recordings.<ProcEvent>read(dir, RecordingStream.PROCS).stream()
                    .filter(e -> e.getKind() == ProcKind.CGROUP_MKDIR && string(e.getCgroupPath()).endsWith(name))
                    .toList();
            assertEquals(1, mkdirs.size(), () -> "one mkdir of " + name + ", the v2 one: " + mkdirs);
            ProcEvent mkdir = mkdirs.getFirst();
            assertAll("cgroup mkdir " + mkdir,
                    () -> assertEquals("/" + name, string(mkdir.getCgroupPath()), "the path below the cgroup2 mount"),
                    () -> assertEquals(id, mkdir.getNewCgroupId(), "the directory's inode number"),
                    () -> assertEquals(jvm, mkdir.getHeader().getPid(), "made by this JVM"),
                    () -> assertEquals(parentCgroup, mkdir.getHeader().getCgroupId(), "from the JVM's own cgroup"),
                    () -> assertEquals((int) ProcessHandle.current().parent().orElseThrow().pid(), mkdir.getPpid()),
                    () -> assertTrue(mkdir.getHeader().getTsNs() > startNs && mkdir.getHeader().getTsNs() < endNs));
            assertOnlyKindFields(mkdir);
            List<OpenEvent> opens = Recordings.<OpenEvent>read(dir, RecordingStream.OPENS).stream()
                    .filter(o -> string(o.getPath()).equals(opened.toString())).toList();
            assertEquals(1, opens.size(), () -> "opens: " + opens);
            assertEquals(id, opens.getFirst().getHeader().getCgroupId(), "the open names the new cgroup");
            assertTrue(opens.getFirst().getHeader().getTsNs() > mkdir.getHeader().getTsNs());
        } finally {
            Files.deleteIfExists(cgroup);
            Files.deleteIfExists(v1);
        }
    }

    private static void assertChild(List<ProcEvent> events, int parent, int child, int grandparent) {
        ProcEvent fork = only(events, e -> e.getKind() == ProcKind.FORK && e.getChildPid() == child);
        assertAll("fork " + fork,
                () -> assertEquals(parent, fork.getHeader().getPid()),
                () -> assertEquals(grandparent, fork.getPpid()),
                () -> assertEquals(parent, fork.getParentPid()),
                () -> assertEquals(parent, fork.getParentTid()),
                () -> assertEquals(child, fork.getChildTid()),
                () -> assertEquals(false, fork.getChildIsThread()));
    }

    /** Fields of the other kinds stay null. */
    private static void assertOnlyKindFields(ProcEvent e) {
        ProcKind kind = e.getKind();
        assertAll(e.toString(),
                () -> assertEquals(kind == ProcKind.EXEC, e.getFilename() != null),
                () -> assertEquals(kind == ProcKind.EXEC, e.getArgv() != null),
                () -> assertEquals(kind == ProcKind.EXEC, e.getArgvTruncated() != null),
                () -> assertEquals(kind == ProcKind.EXEC, e.getOldPid() != null),
                () -> assertEquals(kind == ProcKind.FORK, e.getChildTid() != null),
                () -> assertEquals(kind == ProcKind.FORK, e.getParentPid() != null),
                () -> assertEquals(kind == ProcKind.EXIT, e.getLastThread() != null),
                () -> assertEquals(kind == ProcKind.EXIT, e.getExitCode() != null || e.getExitSignal() != null),
                () -> assertEquals(kind == ProcKind.RENAME, e.getRenamedTid() != null),
                () -> assertEquals(kind == ProcKind.RENAME, e.getNewComm() != null),
                () -> assertEquals(kind == ProcKind.CGROUP_MKDIR, e.getNewCgroupId() != null),
                () -> assertEquals(kind == ProcKind.CGROUP_MKDIR, e.getCgroupPath() != null));
    }

    private static void assertHeader(EventHeader header, long cgroup, long startNs, long endNs) {
        assertAll(header.toString(),
                () -> assertEquals(0, header.getUid()),
                () -> assertEquals(0, header.getGid()),
                () -> assertEquals(cgroup, header.getCgroupId()),
                () -> assertTrue(header.getCpu() >= 0 && header.getCpu() < Runtime.getRuntime().availableProcessors()),
                () -> assertTrue(header.getTsNs() > startNs && header.getTsNs() < endNs, "ts within the run"));
    }

    private static ProcEvent only(List<ProcEvent> events, Predicate<ProcEvent> which) {
        List<ProcEvent> matching = events.stream().filter(which).toList();
        assertEquals(1, matching.size(), () -> "expected one match among " + events);
        return matching.getFirst();
    }

    /** Each argument followed by a NUL, as the kernel keeps a process's arguments. */
    private static byte[] nulTerminated(byte[]... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] arg : args) {
            out.writeBytes(arg);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static String hex(String text) {
        return HEX.formatHex(bytes(text));
    }
}
