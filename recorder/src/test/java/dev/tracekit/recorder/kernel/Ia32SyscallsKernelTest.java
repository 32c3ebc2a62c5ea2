package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.recorder.host.BootClock;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ia32 calls (int 0x80 from a 64-bit process takes the same path as a 32-bit process's calls) carry the ia32
 * table's numbers: counted and captured as such, with abi IA32, never under the x86_64 syscall of that number;
 * their opens and kills are recorded like native ones.
 */
@KernelTest
class Ia32SyscallsKernelTest {
    /** syscall_32.tbl */
    private static final int IA32_OPEN = 5;
    private static final int IA32_CLOSE = 6;
    private static final int IA32_GETPID = 20;
    private static final int IA32_KILL = 37;
    private static final int IA32_GETPPID = 64;
    private static final int CALLS = 321;

    @TempDir
    Path tmp;

    @BeforeAll
    static void onX86() {
        assumeTrue(Arch.current() == Arch.X86_64, "ia32 is x86_64's compat ABI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"syscalls", "syscalls --syscall getppid,open", "syscalls,syscall-events"})
    void ia32CallsAreCountedUnderTheirIa32Numbers(String mode) throws Exception {
        Path dir = tmp.resolve("rec");
        try (Workload workload = Workload.start("tk-ia32", "wait", "ia32", Integer.toString(CALLS), "/etc/hostname")) {
            List<String> args = new ArrayList<>(List.of("--events"));
            args.addAll(List.of(mode.split(" ")));
            args.addAll(List.of("-p", Integer.toString(workload.pid()), "-i", "300ms", "-d", "1500ms"));
            RecorderRun run = RecorderRun.start(dir, args.toArray(String[]::new));
            workload.go();
            assertTrue(workload.result("ia32") >= 0, "the ia32 open of /etc/hostname succeeds");
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<SyscallCount> rows = Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                    .filter(row -> row.getPid() == workload.pid()).toList();
            boolean filtered = mode.contains("--syscall");
            assertEquals(CALLS, ia32(rows, IA32_GETPPID), () -> "ia32 getppid: " + rows);
            assertEquals(1, ia32(rows, IA32_OPEN), () -> "ia32 open: " + rows);
            for (int other : new int[] {IA32_CLOSE, IA32_GETPID, IA32_KILL}) {
                assertEquals(filtered ? 0 : 1, ia32(rows, other), () -> "ia32 " + other + ": " + rows);
            }
            assertTrue(rows.stream().filter(row -> row.getAbi() == null).mapToLong(SyscallCount::getCount).sum()
                    < (filtered ? 1 : CALLS), () -> "the ia32 calls are not native ones too: " + rows);
            if (mode.contains("syscall-events")) {
                List<SyscallEvent> events = Recordings.<SyscallEvent>read(dir, RecordingStream.SYSCALL_EVENTS).stream()
                        .filter(e -> e.getHeader().getPid() == workload.pid() && e.getAbi() == SyscallAbi.IA32).toList();
                assertEquals(CALLS, events.stream().filter(e -> e.getSyscall() == IA32_GETPPID).count());
                SyscallEvent kill = events.stream().filter(e -> e.getSyscall() == IA32_KILL).findFirst().orElseThrow();
                assertEquals(workload.pid(), kill.getArg0(), "kill's first argument, the ia32 way (ebx)");
                assertEquals(0, kill.getRet());
            }
        }
    }

    /** The syscalls:* tracepoints skip compat calls: the raw hook's ia32 programs record these opens and kills. */
    @Test
    void ia32OpensAndKillsAreRecordedFieldByField() throws Exception {
        Path dir = tmp.resolve("rec");
        try (Workload workload = Workload.start("tk-ia32", "wait", "ia32", "1", "/etc/hostname")) {
            long startNs = BootClock.nowNs();
            RecorderRun run = RecorderRun.start(dir, "--events", "opens,kills", "-p", Integer.toString(workload.pid()),
                    "-d", "1500ms");
            workload.go();
            long fd = workload.result("ia32");
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());
            long endNs = BootClock.nowNs();

            List<OpenEvent> opens = Recordings.<OpenEvent>read(dir, RecordingStream.OPENS).stream()
                    .filter(e -> "/etc/hostname".equals(ByteValues.string(e.getPath())))
                    .toList();
            assertEquals(1, opens.size(), () -> "the ia32 open: " + opens);
            OpenEvent open = opens.getFirst();
            RecorderKernelTest.assertHeader(open.getHeader(), workload, "tk-ia32", startNs, endNs);
            assertAll(
                    () -> assertEquals(OpenSyscall.OPEN, open.getSyscall()),
                    () -> assertEquals(-100, open.getDirfd(), "open(2) has no dirfd: AT_FDCWD"),
                    () -> assertFalse(open.getPathTruncated()),
                    () -> assertEquals(0, open.getFlags(), "O_RDONLY"),
                    () -> assertEquals(0, open.getMode()),
                    () -> assertEquals(0, open.getResolve()),
                    () -> assertEquals(fd, open.getResult()),
                    () -> assertTrue(fd >= 3));

            List<KillEvent> kills = Recordings.read(dir, RecordingStream.KILLS);
            assertEquals(1, kills.size(), () -> "the ia32 kill(self, 0): " + kills);
            KillEvent kill = kills.getFirst();
            RecorderKernelTest.assertHeader(kill.getHeader(), workload, "tk-ia32", startNs, endNs);
            assertAll(
                    () -> assertEquals(KillSyscall.KILL, kill.getSyscall()),
                    () -> assertEquals(workload.pid(), kill.getTargetPid()),
                    () -> assertEquals(0, kill.getTargetTid()),
                    () -> assertEquals(0, kill.getSignal()),
                    () -> assertEquals(0, kill.getResult()));
        }
    }

    private static long ia32(List<SyscallCount> rows, int number) {
        return rows.stream().filter(row -> row.getAbi() == SyscallAbi.IA32 && row.getSyscall() == number)
                .mapToLong(SyscallCount::getCount).sum();
    }
}
