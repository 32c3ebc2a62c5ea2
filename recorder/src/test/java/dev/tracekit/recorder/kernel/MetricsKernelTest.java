package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.RecordCommand;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --metrics} scraped by a real Prometheus server (Debian's {@code prometheus}, started here on a
 * loopback port): Prometheus's own query API must answer with the counts the recording holds, failed calls by errno
 * included, and with each ring buffer's size and fill.
 */
@KernelTest
class MetricsKernelTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final int OPENS = 250;
    private static final int GETPPIDS = 1234;
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[^,]+,\"([^\"]+)\"\\]");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void prometheusScrapesTheCountsTheRecordingHolds() throws Exception {
        assertTrue(Files.isExecutable(PROMETHEUS), PROMETHEUS + " is missing: scripts/test.sh installs Debian's prometheus");
        int metricsPort = freePort();
        int prometheusPort = freePort();
        Path config = Files.writeString(tmp.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 500ms
                scrape_configs:
                  - job_name: tracekit
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metricsPort));
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
        String missing = tmp.resolve("no-such-dir/tk-metrics.conf").toString();
        try (Workload workload = Workload.start("tk-metrics", "wait", "opens", Integer.toString(OPENS), missing,
                "getppid", Integer.toString(GETPPIDS), "wait")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "syscalls,syscall-events,opens", "-p",
                    Integer.toString(workload.pid()), "--metrics", "127.0.0.1:" + metricsPort, "-i", "500ms", "-d", "8s");
            workload.go();
            assertEquals(OPENS, workload.result("opens"));
            assertEquals(GETPPIDS, workload.result("getppid"));
            String opensQuery = "tracekit_opens_total{result=\"ENOENT\"}";
            String getppidQuery = "tracekit_syscalls_total{syscall=\"getppid\"}";
            String errnoQuery = "tracekit_syscall_errors_by_errno_total{syscall=\"openat\",errno=\"ENOENT\"}";
            long scrapedOpens = awaitValue(prometheusPort, opensQuery, OPENS);
            long scrapedGetppids = awaitValue(prometheusPort, getppidQuery, GETPPIDS);
            long scrapedErrnos = awaitValue(prometheusPort, errnoQuery, OPENS);
            assertEquals(8L << 20, awaitValue(prometheusPort, "tracekit_ring_buffer_size_bytes{family=\"opens\"}", 1),
                    "the default --ringbuf-size");
            awaitValue(prometheusPort, "tracekit_ring_buffer_pending_bytes{family=\"syscall-events\"}", 0);
            workload.go();
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            long recordedEnoent = opens.stream().filter(o -> o.getResult() == -2).count();
            int getppid = SyscallTable.of(Arch.current()).number("getppid").orElseThrow();
            List<SyscallCount> counts = Recordings.read(dir, RecordingStream.SYSCALL_COUNTS);
            long recordedGetppids = counts.stream().filter(c -> c.getSyscall() == getppid)
                    .mapToLong(SyscallCount::getCount).sum();
            int openat = SyscallTable.of(Arch.current()).number("openat").orElseThrow();
            long recordedOpenatEnoent = Recordings.<SyscallEvent>read(dir, RecordingStream.SYSCALL_EVENTS).stream()
                    .filter(e -> e.getSyscall() == openat && e.getRet() == -2).count();
            assertEquals(recordedEnoent, scrapedOpens, "Prometheus and the recording disagree on ENOENT opens");
            assertEquals(recordedOpenatEnoent, scrapedErrnos, "Prometheus and the recording disagree on openat ENOENT");
            assertEquals(OPENS, recordedOpenatEnoent);
            assertEquals(recordedGetppids, scrapedGetppids, "Prometheus and the recording disagree on getppid");
            assertEquals(OPENS, recordedEnoent);
            assertEquals(GETPPIDS, recordedGetppids);
        } finally {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A port in use ends the run at once: one line, exit 2, and no recording directory made. */
    @Test
    void aPortInUseEndsTheRunBeforeAnythingIsRecorded() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path dir = tmp.resolve("never");
            StringWriter err = new StringWriter();
            int exit = RecordCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                    .execute("--metrics", Integer.toString(taken.getLocalPort()), "-d", "1s", "--output", dir.toString());
            assertEquals(2, exit, err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("tracekit record: --metrics 127.0.0.1:" + taken.getLocalPort()
                    + ": cannot listen there"), err.toString());
            assertFalse(Files.exists(dir), "nothing is written");
        }
    }

    /** Queries Prometheus until the series reaches {@code expected} (or 15 s pass) and returns its last value. */
    private long awaitValue(int port, String query, long expected) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        OptionalLong last = OptionalLong.empty();
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = VALUE.matcher(body);
                if (m.find()) {
                    last = OptionalLong.of((long) Double.parseDouble(m.group(1)));
                    if (last.getAsLong() >= expected) {
                        return last.getAsLong();
                    }
                }
            } catch (IOException e) {
                // Prometheus still starting: try again
            }
            Thread.sleep(200);
        }
        List<String> log = Files.readAllLines(tmp.resolve("prometheus.log"));
        throw new AssertionError(query + ": Prometheus had " + last + " after 15 s, expected " + expected
                + "; its log ends: " + log.subList(Math.max(0, log.size() - 5), log.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
