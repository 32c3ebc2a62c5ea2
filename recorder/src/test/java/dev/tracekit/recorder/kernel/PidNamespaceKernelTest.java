package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.SyscallCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorder in a container without the host's pid namespace: its getpid() is the namespace's pid, its /proc the
 * namespace's, while the programs see host tgids. It must still leave itself out and tell ended processes from
 * live ones the kernel's way.
 */
@KernelTest
class PidNamespaceKernelTest {
    private static final int GETPPID = SyscallTable.of(Arch.current()).number("getppid").orElseThrow();

    @TempDir
    Path tmp;

    @Test
    void aRecorderInItsOwnPidNamespaceLeavesItselfOutAndCountsHostProcessesExactly() throws Exception {
        Path dir = tmp.resolve("rec");
        try (Workload live = Workload.start("tk-ns-live", "wait", "getppid", "1000", "wait", "getppid", "2000", "wait");
                Workload ending = Workload.start("tk-ns-ending", "wait", "getppid", "700");
                RecorderProcess recorder = RecorderProcess.startInNewPidNamespace(dir, "--events", "syscalls",
                        "-i", "100ms", "-d", "2s")) {
            int recorderHostTgid = onlyChild(recorder.pid());
            live.go();
            assertEquals(1000, live.result("getppid"));
            ending.go();
            assertEquals(700, ending.result("getppid"));
            assertEquals(0, ending.waitFor());
            Thread.sleep(400); // intervals close in between: the live process's counts must carry on
            live.go();
            assertEquals(2000, live.result("getppid"));
            assertEquals(0, recorder.awaitExit(), recorder.err());
            live.go();
            assertEquals(0, live.waitFor());

            List<SyscallCount> rows = Recordings.read(dir, RecordingStream.SYSCALL_COUNTS);
            assertEquals(3000, getppid(rows, live.pid()), () -> "a live host process, seen from the namespace: " + rows);
            assertEquals(700, getppid(rows, ending.pid()), () -> "one that ended while recorded: " + rows);
            assertTrue(rows.stream().noneMatch(row -> row.getPid() == recorderHostTgid),
                    () -> "the recorder (host tgid " + recorderHostTgid + ") counted itself: " + rows);
            assertTrue(recorder.err().contains("note: running in a pid namespace other than the host's (the recorder "
                    + "is pid 1 here, " + recorderHostTgid + " on the host)"), recorder.err());
        }
    }

    private static long getppid(List<SyscallCount> rows, int pid) {
        return rows.stream().filter(row -> row.getPid() == pid && row.getSyscall() == GETPPID)
                .mapToLong(SyscallCount::getCount).sum();
    }

    /** The host pid of unshare's one child, the recorder (pid 1 in its namespace). */
    private static int onlyChild(int pid) throws Exception {
        String children = Files.readString(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(pid),
                "children")).strip();
        return Integer.parseInt(children);
    }
}
