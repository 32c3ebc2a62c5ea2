package dev.tracekit.recorder.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a scraper reads at /metrics after the recording wrote known records. */
class MetricsEndpointTest {
    private static final SyscallTable X86_64 = SyscallTable.of(Arch.X86_64);
    private static final int GETPID = X86_64.number("getpid").orElseThrow();
    private static final int OPENAT = X86_64.number("openat").orElseThrow();

    @Test
    void countsWhatWasWrittenWithBoundedLabels() throws Exception {
        RecordTally tally = new RecordTally(false);
        tally.appended(RecordingStream.SYSCALL_COUNTS, count(GETPID, 40, 0));
        tally.appended(RecordingStream.SYSCALL_COUNTS, count(GETPID, 2, 0)); // a second interval adds up
        tally.appended(RecordingStream.SYSCALL_COUNTS, count(OPENAT, 7, 3));
        tally.appended(RecordingStream.SYSCALL_EVENTS, event(GETPID)); // counted by the counts already
        for (int result : new int[] {3, -2, -2, -13}) {
            tally.appended(RecordingStream.OPENS, open(result));
        }
        tally.appended(RecordingStream.KILLS, kill(KillSyscall.TGKILL, 15));
        tally.appended(RecordingStream.KILLS, kill(KillSyscall.SIGNAL_GENERATE, 15));
        tally.appended(RecordingStream.KILLS, kill(KillSyscall.KILL, 99)); // no such signal: not counted
        tally.appended(RecordingStream.INTERVALS, new IntervalStats(0L, 1L, 0L, Map.of("OPENS", 4L, "KILLS", 3L),
                List.of(new Drop(Family.OPENS, 1, 5L)), 0L));
        tally.appended(RecordingStream.INTERVALS, new IntervalStats(1L, 2L, 0L, Map.of("OPENS", 0L),
                List.of(new Drop(Family.OPENS, 0, 2L)), 0L));

        String text = scrape(tally);
        assertTrue(text.contains("tracekit_syscalls_total{syscall=\"getpid\"} 42.0"), text);
        assertTrue(text.contains("tracekit_syscalls_total{syscall=\"openat\"} 7.0"), text);
        assertTrue(text.contains("tracekit_syscall_errors_total{syscall=\"openat\"} 3.0"), text);
        assertFalse(text.contains("tracekit_syscall_errors_total{syscall=\"getpid\"}"), "no zero series");
        assertTrue(text.contains("tracekit_opens_total{result=\"ok\"} 1.0"), text);
        assertTrue(text.contains("tracekit_opens_total{result=\"ENOENT\"} 2.0"), text);
        assertTrue(text.contains("tracekit_opens_total{result=\"EACCES\"} 1.0"), text);
        assertTrue(text.contains("tracekit_signals_total{signal=\"SIGTERM\",source=\"syscall\"} 1.0"), text);
        assertTrue(text.contains("tracekit_signals_total{signal=\"SIGTERM\",source=\"kernel\"} 1.0"), text);
        assertEquals(2, text.lines().filter(l -> l.startsWith("tracekit_signals_total{")).count(), text);
        assertTrue(text.contains("tracekit_events_recorded_total{family=\"opens\"} 4.0"), text);
        assertTrue(text.contains("tracekit_events_lost_total{family=\"opens\"} 7.0"), text);
        assertTrue(text.contains("tracekit_events_lost_total{family=\"kills\"} 0.0"), text);
        assertFalse(text.contains("unknown"), "the UNKNOWN family has no series");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("tracekit_recorder_cpu_seconds_total ")), text);
        assertFalse(text.contains("pid="), "no per-process labels");
    }

    /** Without in-kernel counts, per-event records are what counts syscalls. */
    @Test
    void syscallEventsCountWhenThereAreNoCounts() throws Exception {
        RecordTally tally = new RecordTally(true);
        tally.appended(RecordingStream.SYSCALL_EVENTS, event(GETPID));
        tally.appended(RecordingStream.SYSCALL_EVENTS, event(GETPID));
        assertTrue(scrape(tally).contains("tracekit_syscalls_total{syscall=\"getpid\"} 2.0"));
    }

    /** An ia32 call's number is the ia32 table's: 20 there is getpid, 20 on x86_64 writev. */
    @Test
    void ia32CountsAreNamedFromTheIa32Table() throws Exception {
        RecordTally tally = new RecordTally(false);
        SyscallCount ia32 = count(20, 5, 1);
        ia32.setAbi(SyscallAbi.IA32);
        tally.appended(RecordingStream.SYSCALL_COUNTS, ia32);
        String text = scrape(tally);
        assertTrue(text.contains("tracekit_syscalls_total{syscall=\"ia32:getpid\"} 5.0"), text);
        assertTrue(text.contains("tracekit_syscall_errors_total{syscall=\"ia32:getpid\"} 1.0"), text);
        assertFalse(text.contains("writev"), text);
    }

    @Test
    void aPortInUseIsOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            MetricsAddress address = new MetricsAddress("127.0.0.1", taken.getLocalPort());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MetricsEndpoint.start(address, RecorderMetrics.registry(new RecordTally(false), X86_64)));
            assertTrue(e.getMessage().startsWith("--metrics 127.0.0.1:" + taken.getLocalPort() + ": cannot listen there"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void anAddressThatDoesNotResolveIsOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsEndpoint.start(
                MetricsAddress.parse("no-such-host.invalid:9464"), RecorderMetrics.registry(new RecordTally(false), X86_64)));
        assertEquals("--metrics no-such-host.invalid:9464: no such address", e.getMessage());
    }

    private static String scrape(RecordTally tally) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new MetricsAddress("127.0.0.1", port),
                RecorderMetrics.registry(tally, X86_64))) {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static EventHeader header() {
        return new EventHeader(1L, 100, 100, 0L, 0L, ByteBuffer.wrap("tk".getBytes()), 0L, 0);
    }

    private static SyscallCount count(int syscall, long count, long errors) {
        return new SyscallCount(0L, 1L, 100, ByteBuffer.wrap("tk".getBytes()), syscall, count, errors, null, null, null);
    }

    private static SyscallEvent event(int syscall) {
        return new SyscallEvent(header(), syscall, 0L, 0L, 0L, 0L, 0L, 0L, 100L, 5L, null);
    }

    private static OpenEvent open(int result) {
        return new OpenEvent(header(), OpenSyscall.OPENAT, -100, ByteBuffer.wrap("/etc/x".getBytes()), false, 0L, 0,
                0L, result, null, FullPathStatus.ABSOLUTE);
    }

    private static KillEvent kill(KillSyscall syscall, int signal) {
        return new KillEvent(header(), syscall, 200, 0, signal, 0);
    }
}
