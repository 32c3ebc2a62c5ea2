package dev.tracekit.packaging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recorder.kernel.KernelTest;
import dev.tracekit.recorder.kernel.RecorderRun;
import dev.tracekit.recorder.kernel.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's process context (who a pid was at an event) over a recording of the real kernel, where the
 * processes are gone by the time it runs: a SIGTERM's target that exits of it, and one pid that two processes
 * have in turn. Here and not in the recorder module because it runs the analyzer, which the recorder's tests
 * may not depend on.
 */
@KernelTest
@Timeout(120)
class ProcessContextKernelTest {
    private static final int SIGTERM = 15;
    /** The kernel skips pids below this when it wraps around (RESERVED_PIDS). */
    private static final int RESERVED_PIDS = 300;
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    /**
     * A process that lived before the recording (named by the snapshot) and one started during it (known only to the
     * procs family) are sent SIGTERM and die of it: kills names each target as it was, procs shows each exit.
     */
    @Test
    void killsNameTargetsThatHaveSinceExited() throws Exception {
        Path rec = dir.resolve("rec");
        int jvm = (int) ProcessHandle.current().pid();
        try (Workload veteran = Workload.start("tk-veteran", "sleep", "60001")) {
            assertEquals("sleeping", veteran.nextLine(), "past its exec before the snapshot is read");
            RecorderRun run = RecorderRun.start(rec, "--events", "procs,kills", "-d", "2s");
            int killer;
            int doomedPid;
            try (Workload doomed = Workload.start("tk-doomed", "sleep", "60002")) {
                doomedPid = doomed.pid();
                assertEquals("sleeping", doomed.nextLine());
                try (Workload sender = Workload.start("tk-killer", "kill", Integer.toString(veteran.pid()),
                        Integer.toString(SIGTERM), "kill", Integer.toString(doomedPid), Integer.toString(SIGTERM))) {
                    killer = sender.pid();
                    assertEquals(0, sender.result("kill"));
                    assertEquals(0, sender.result("kill"));
                    assertEquals(0, sender.waitFor());
                }
                assertEquals(128 + SIGTERM, doomed.waitFor());
            }
            assertEquals(128 + SIGTERM, veteran.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            int veteranPid = veteran.pid();
            assertFalse(ProcessHandle.of(veteranPid).isPresent() || ProcessHandle.of(doomedPid).isPresent(),
                    "the analyzer cannot ask /proc: the targets are gone");

            List<Map<String, Object>> kills = AnalyzerRows.of("kills", rec.toString(), "-p", Integer.toString(killer));
            assertEquals(2, kills.size(), () -> "kills: " + kills);
            assertKill(kills.get(0), killer, veteranPid, "tk-veteran", Workload.binary("tk-veteran") + " sleep 60001");
            assertKill(kills.get(1), killer, doomedPid, "tk-doomed", Workload.binary("tk-doomed") + " sleep 60002");

            assertDiedOfSigterm(veteranPid, "tk-veteran", jvm, rec);
            assertDiedOfSigterm(doomedPid, "tk-doomed", jvm, rec);
        }
    }

    /**
     * Two processes have one pid in turn (clone3 sets it), each the child of another parent, each opening a file and
     * signalling itself under its own name and command line: every event, the lineage and the tree at each one's
     * moment name the process that had the pid then, never the other.
     */
    @Test
    void aReusedPidIsTwoProcessesEachWithItsOwnNameCommandLineAndParent() throws Exception {
        Path rec = dir.resolve("rec");
        Path firstFile = Files.writeString(dir.resolve("first"), "1");
        Path secondFile = Files.writeString(dir.resolve("second"), "2");
        int pid = freePid();
        List<String> first = List.of("tk-first", "open", firstFile.toString(), "0", "0",
                "kill", Integer.toString(pid), "0", "exit", "3");
        List<String> second = List.of("tk-second", "open", secondFile.toString(), "0", "0",
                "kill", Integer.toString(pid), "0", "exit", "4");
        String firstCmd = String.join(" ", first);
        String secondCmd = String.join(" ", second);
        int one;
        int two;
        try (Workload parentOne = Workload.start("tk-parent-one", spawn(pid, first));
                Workload parentTwo = Workload.start("tk-parent-two", spawn(pid, second))) {
            one = parentOne.pid();
            two = parentTwo.pid();
            RecorderRun run = RecorderRun.start(rec, "--events", "procs,opens,kills", "--path-prefix", dir.toString(),
                    "-d", "2s");
            runChild(parentOne, pid);
            runChild(parentTwo, pid);
            assertEquals(0, run.awaitExit(), run.err());
        }

        List<Map<String, Object>> opens = AnalyzerRows.of("opens", rec.toString(), "-p", Integer.toString(pid),
                "--with", "ppid,cmd");
        assertEquals(2, opens.size(), () -> "opens: " + opens);
        assertContext(opens.get(0), pid, "tk-first", one, firstCmd);
        assertEquals(firstFile.toString(), opens.get(0).get("path"));
        assertContext(opens.get(1), pid, "tk-second", two, secondCmd);
        assertEquals(secondFile.toString(), opens.get(1).get("path"));

        List<Map<String, Object>> kills = AnalyzerRows.of("kills", rec.toString(), "-p", Integer.toString(pid),
                "--with", "ppid,cmd");
        assertEquals(2, kills.size(), () -> "kills: " + kills);
        assertContext(kills.get(0), pid, "tk-first", one, firstCmd);
        assertTarget(kills.get(0), pid, "tk-first", firstCmd);
        assertContext(kills.get(1), pid, "tk-second", two, secondCmd);
        assertTarget(kills.get(1), pid, "tk-second", secondCmd);

        String firstMoment = (String) opens.get(0).get("ts_utc");
        String secondMoment = (String) opens.get(1).get("ts_utc");
        assertLineage(rec, pid, List.of("--at", firstMoment), one, "tk-first", firstCmd, 3);
        assertLineage(rec, pid, List.of(), two, "tk-second", secondCmd, 4); // the recording's end: the last to have it
        assertTree(rec, firstMoment, pid, one, "tk-first", firstCmd);
        assertTree(rec, secondMoment, pid, two, "tk-second", secondCmd);
    }

    /** Lets the parent spawn its child with {@code pid} and reads what the child printed, then the parent's end. */
    private static void runChild(Workload parent, int pid) throws Exception {
        parent.go();
        assertTrue(parent.result("open") >= 0, "the child opened its file");
        assertEquals(0, parent.result("kill"), "the child signalled itself");
        assertEquals(pid, parent.result("spawn"), "the child had the pid asked for (-17: another process took it)");
        assertEquals(0, parent.waitFor());
    }

    private static void assertKill(Map<String, Object> kill, int sender, int target, String comm, String cmd) {
        assertAll("kill " + kill,
                () -> assertEquals((long) sender, kill.get("pid")),
                () -> assertEquals("tk-killer", kill.get("comm")),
                () -> assertEquals((long) SIGTERM, kill.get("signal")),
                () -> assertEquals("SIGTERM", kill.get("signal_name")),
                () -> assertEquals(0L, kill.get("result")));
        assertTarget(kill, target, comm, cmd);
    }

    private static void assertTarget(Map<String, Object> kill, int target, String comm, String cmd) {
        assertAll("target of " + kill,
                () -> assertEquals((long) target, kill.get("target_pid")),
                () -> assertEquals(comm, kill.get("target_comm"), "TCOMM"),
                () -> assertEquals(cmd, kill.get("target_cmdline"), "TCMD"));
    }

    private static void assertContext(Map<String, Object> event, int pid, String comm, int ppid, String cmd) {
        assertAll("process of " + event,
                () -> assertEquals((long) pid, event.get("pid")),
                () -> assertEquals(comm, event.get("comm")),
                () -> assertEquals((long) ppid, event.get("ppid")),
                () -> assertEquals(cmd, event.get("cmdline")));
    }

    private static void assertDiedOfSigterm(int pid, String comm, int parent, Path rec) throws IOException {
        List<Map<String, Object>> procs = AnalyzerRows.of("procs", rec.toString(), "-p", Integer.toString(pid));
        Map<String, Object> exit = only(procs, row -> "exit".equals(row.get("event")));
        assertAll("exit " + exit,
                () -> assertEquals(comm, exit.get("comm")),
                () -> assertEquals((long) parent, exit.get("ppid")),
                () -> assertNull(exit.get("exit_code")),
                () -> assertEquals((long) SIGTERM, exit.get("exit_signal")),
                () -> assertEquals("SIGTERM", exit.get("exit_signal_name")));
    }

    /**
     * {@code procs --lineage PID} (at a moment): the process that had the pid then under its own parent, then that
     * process's own fork, exec and exit, none of the other's.
     */
    private static void assertLineage(Path rec, int pid, List<String> at, int parent, String comm, String cmd,
            int exitCode) throws IOException {
        List<String> args = new ArrayList<>(List.of("procs", rec.toString(), "--lineage", Integer.toString(pid)));
        args.addAll(at);
        List<Map<String, Object>> rows = AnalyzerRows.of(args.toArray(String[]::new));
        List<Map<String, Object>> chain = rows.stream().filter(r -> "lineage".equals(r.get("section"))).toList();
        assertTrue(chain.size() >= 2, () -> "lineage: " + rows);
        Map<String, Object> parentRow = chain.get(chain.size() - 2);
        Map<String, Object> self = chain.getLast();
        assertAll("lineage " + at + " " + chain,
                () -> assertEquals((long) parent, parentRow.get("pid")),
                () -> assertEquals((long) pid, self.get("pid")),
                () -> assertEquals((long) parent, self.get("ppid")),
                () -> assertEquals(comm, self.get("comm")),
                () -> assertEquals(cmd, self.get("cmdline")));
        List<Map<String, Object>> own = rows.stream().filter(r -> !r.containsKey("section")).toList();
        assertEquals(List.of("fork", "exec", "exit"), own.stream().map(r -> r.get("event")).toList(), () -> "rows: " + own);
        assertAll("its own rows " + own,
                () -> assertEquals((long) parent, own.get(0).get("pid"), "forked by its parent"),
                () -> assertEquals((long) pid, own.get(0).get("child_tid")),
                () -> assertEquals(comm, own.get(1).get("comm")),
                () -> assertEquals(cmd, own.get(1).get("args")),
                () -> assertEquals((long) exitCode, own.get(2).get("exit_code")));
    }

    /** {@code procs --tree --at}: the pid once, drawn right under the parent it had then, with its name and command. */
    private static void assertTree(Path rec, String moment, int pid, int parent, String comm, String cmd)
            throws IOException {
        List<Map<String, Object>> tree = AnalyzerRows.of("procs", rec.toString(), "--tree", "--at", moment);
        Map<String, Object> self = only(tree, r -> r.get("pid").equals((long) pid));
        int at = tree.indexOf(self);
        Map<String, Object> above = tree.get(at - 1);
        assertAll("tree at " + moment + ": " + self + " under " + above,
                () -> assertEquals((long) parent, self.get("ppid")),
                () -> assertEquals((long) parent, above.get("pid"), "its parent, which has no other child"),
                () -> assertEquals((long) above.get("depth") + 1, self.get("depth")),
                () -> assertEquals(comm, ((String) self.get("comm")).strip()),
                () -> assertEquals(cmd, self.get("cmdline")));
    }

    /** The workload commands that spawn a child with exactly {@code pid}, which execs the workload as {@code argv}. */
    private static String[] spawn(int pid, List<String> argv) throws Exception {
        List<String> commands = new ArrayList<>(List.of("wait", "spawn", Integer.toString(pid),
                Workload.binary(argv.getFirst()).toString(), Integer.toString(argv.size())));
        argv.forEach(arg -> commands.add(HEX.formatHex(arg.getBytes(StandardCharsets.UTF_8))));
        return commands.toArray(String[]::new);
    }

    /** A pid no process has, half the pid space away from the last one handed out, so no fork takes it meanwhile. */
    private static int freePid() throws IOException {
        // readAllLines, not readString: JDK 25's readString reads a sysctl file's first byte only
        int max = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).getFirst());
        int last = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/ns_last_pid")).getFirst());
        for (int n = last + max / 2; ; n++) {
            int pid = RESERVED_PIDS + Math.floorMod(n - RESERVED_PIDS, max - RESERVED_PIDS);
            if (!Files.exists(Path.of("/proc", Integer.toString(pid)))) {
                return pid;
            }
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> matching = rows.stream().filter(which).toList();
        assertEquals(1, matching.size(), () -> "expected one match among " + rows);
        return matching.getFirst();
    }
}
