package dev.tracekit.analyzer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalPairingTest {
    private static final int SIGTERM = 15;
    private static final int SIGCHLD = 17;
    private static final int DELIVERED = 0;
    private static final int IGNORED = 1;
    private static final Recording RECORDING = new Recording(0, new RecordingMeta(
            RecordingMeta.CURRENT_SCHEMA_VERSION, "r", "h", "6.1", "x86_64", 0, "boot", "v", "c", "{}"),
            List.of(), Set.of());

    private record Seen(KillSyscall syscall, int targetPid, int signal, int fate) {
    }

    private final List<Seen> seen = new ArrayList<>();
    private final SignalPairing pairing = new SignalPairing(
            (recording, e, fate) -> seen.add(new Seen(e.getSyscall(), e.getTargetPid(), e.getSignal(), fate)));

    private static KillEvent kill(long ts, int tid, KillSyscall syscall, int targetPid, int signal, int result) {
        EventHeader header = EventHeader.newBuilder().setTsNs(ts).setPid(tid).setTid(tid).setUid(0).setGid(0)
                .setComm(ByteBuffer.wrap("sender".getBytes())).setCgroupId(0).setCpu(0).build();
        return KillEvent.newBuilder().setHeader(header).setSyscall(syscall).setTargetPid(targetPid)
                .setTargetTid(syscall == KillSyscall.KILL ? 0 : targetPid).setSignal(signal).setResult(result).build();
    }

    @Test
    void aGroupKillIsOneSignalWithTheFateOfEveryProcessItReached() {
        pairing.kill(RECORDING, kill(1_000, 7, KillSyscall.SIGNAL_GENERATE, 21, SIGTERM, DELIVERED));
        pairing.kill(RECORDING, kill(1_010, 9, KillSyscall.KILL, 30, SIGTERM, 0)); // another thread, sent meanwhile
        pairing.kill(RECORDING, kill(1_020, 7, KillSyscall.SIGNAL_GENERATE, 22, SIGTERM, IGNORED));
        pairing.kill(RECORDING, kill(1_030, 7, KillSyscall.KILL, -20, SIGTERM, 0));
        pairing.finish();
        // held back while the first generate waited, so recorded order is kept
        assertEquals(List.of(new Seen(KillSyscall.KILL, 30, SIGTERM, SignalPairing.NO_FATE),
                new Seen(KillSyscall.KILL, -20, SIGTERM, SignalPairing.MIXED_FATES)), seen);
    }

    @Test
    void aSignalTheKernelRaisedItselfPassesOnWithItsOwnResult() {
        // SIGCHLD raised as the thread exits; its next record, much later, is a send of another signal
        pairing.kill(RECORDING, kill(1_000, 7, KillSyscall.SIGNAL_GENERATE, 1, SIGCHLD, DELIVERED));
        pairing.kill(RECORDING, kill(2_000, 7, KillSyscall.TGKILL, 40, SIGTERM, 0));
        // a generate whose send never shows up is let go once the wait is over
        pairing.kill(RECORDING, kill(3_000, 8, KillSyscall.SIGNAL_GENERATE, 41, SIGTERM, IGNORED));
        pairing.kill(RECORDING, kill(3_000 + SignalPairing.WAIT_NS + 1, 9, KillSyscall.KILL, 42, SIGTERM, -3));
        assertEquals(List.of(new Seen(KillSyscall.SIGNAL_GENERATE, 1, SIGCHLD, DELIVERED),
                new Seen(KillSyscall.TGKILL, 40, SIGTERM, SignalPairing.NO_FATE),
                new Seen(KillSyscall.SIGNAL_GENERATE, 41, SIGTERM, IGNORED),
                new Seen(KillSyscall.KILL, 42, SIGTERM, SignalPairing.NO_FATE)), seen);
    }
}
