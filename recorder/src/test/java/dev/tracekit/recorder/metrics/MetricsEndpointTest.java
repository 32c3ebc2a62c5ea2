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
                    () -> MetricsEndpoint.start(address, RecorderMetrics.registry(new RecordTally(false), new RingFill(), X86_64)));
            assertTrue(e.getMessage().startsWith("--metrics 127.0.0.1:" + taken.getLocalPort() + ": cannot listen there"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void anAddressThatDoesNotResolveIsOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsEndpoint.start(
                MetricsAddress.parse("no-such-host.invalid:9464"), RecorderMetrics.registry(new RecordTally(false), new RingFill(), X86_64)));
        assertEquals("--metrics no-such-host.invalid:9464: no such address", e.getMessage());
    }

    /** Per-event records give each failure's errno, which the in-kernel counts beside them do not keep. */
    @Test
    void failedSyscallEventsAreCountedByErrno() throws Exception {
        RecordTally tally = new RecordTally(false);
        tally.appended(RecordingStream.SYSCALL_COUNTS, count(OPENAT, 9, 4)); // counts: errors, but no errno
        for (long ret : new long[] {-2, -2, -13, 3}) {
            tally.appended(RecordingStream.SYSCALL_EVENTS, event(OPENAT, ret));
        }
        tally.appended(RecordingStream.SYSCALL_EVENTS, event(GETPID, -4096)); // not an error: past -4095
        tally.syscallEvent(20, true, -1); // ia32 getpid, EPERM
        String text = scrape(tally);
        assertTrue(text.contains("tracekit_syscall_errors_by_errno_total{errno=\"ENOENT\",syscall=\"openat\"} 2.0"),
                text);
        assertTrue(text.contains("tracekit_syscall_errors_by_errno_total{errno=\"EACCES\",syscall=\"openat\"} 1.0"),
                text);
        assertTrue(text.contains("tracekit_syscall_errors_by_errno_total{errno=\"EPERM\",syscall=\"ia32:getpid\"} 1.0"),
                text);
        assertEquals(3, text.lines().filter(l -> l.startsWith("tracekit_syscall_errors_by_errno_total{")).count(), text);
        assertTrue(text.contains("tracekit_syscall_errors_total{syscall=\"openat\"} 4.0"), "from the counts: " + text);
    }

    /** Pairs past the cap are one series, so the series stay bounded and still add up to every failure. */
    @Test
    void pairsPastTheCapAreSummedAsOther() {
        SyscallErrnoTally pairs = new SyscallErrnoTally();
        int extra = 5;
        for (int i = 0; i < SyscallErrnoTally.MAX_PAIRS + extra; i++) {
            pairs.add(i / 100, 1 + i % 100);
        }
        pairs.add(0, 1); // a pair already there goes on counting past the cap
        java.util.Map<String, Long> series = new java.util.HashMap<>();
        pairs.forEach((slot, errno, n) -> series.put(slot + "/" + errno, n));
        assertEquals(SyscallErrnoTally.MAX_PAIRS + 1, series.size());
        assertEquals(extra, series.get(SyscallErrnoTally.OTHER + "/" + SyscallErrnoTally.OTHER));
        assertEquals(2, series.get("0/1"));
        assertEquals(SyscallErrnoTally.MAX_PAIRS + extra + 1, series.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Each ring read reports what waited in it; a scrape shows the last report beside the ring's size. */
    @Test
    void ringFillIsServedPerFamilyRead() throws Exception {
        RingFill rings = new RingFill();
        java.util.function.LongConsumer opens = rings.ring(Family.OPENS, 8 << 20);
        opens.accept(65536);
        opens.accept(4096);
        rings.ring(Family.KILLS, 4096).accept(0);
        String text = scrape(new RecordTally(false), rings);
        assertTrue(text.contains("tracekit_ring_buffer_pending_bytes{family=\"opens\"} 4096.0"), text);
        assertTrue(text.contains("tracekit_ring_buffer_size_bytes{family=\"opens\"} 8388608.0"), text);
        assertTrue(text.contains("tracekit_ring_buffer_pending_bytes{family=\"kills\"} 0.0"), text);
        assertEquals(4, text.lines().filter(l -> l.startsWith("tracekit_ring_buffer_")).count(), "no ring, no series: "
                + text);
    }

    private static String scrape(RecordTally tally) throws IOException, InterruptedException {
        return scrape(tally, new RingFill());
    }

    private static String scrape(RecordTally tally, RingFill rings) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new MetricsAddress("127.0.0.1", port),
                RecorderMetrics.registry(tally, rings, X86_64))) {
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
        return event(syscall, 100L);
    }

    private static SyscallEvent event(int syscall, long ret) {
        return new SyscallEvent(header(), syscall, 0L, 0L, 0L, 0L, 0L, 0L, ret, 5L, null);
    }

    private static OpenEvent open(int result) {
        return new OpenEvent(header(), OpenSyscall.OPENAT, -100, ByteBuffer.wrap("/etc/x".getBytes()), false, 0L, 0,
                0L, result, null, FullPathStatus.ABSOLUTE);
    }

    private static KillEvent kill(KillSyscall syscall, int signal) {
        return new KillEvent(header(), syscall, 200, 0, signal, 0);
    }
}
