import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system-wide tracer (tracekit record, bpftrace) running beside the workload: started, awaited until it
 * says it is attached, its CPU time read from /proc between two points, stopped with SIGTERM (tracekit then
 * drains its rings and closes its files).
 */
final class SystemTracer implements AutoCloseable {
    static final long TICKS_PER_SECOND = 100; // USER_HZ on every Linux we run on

    private final Process process;
    private final Path log;

    private SystemTracer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the tracer and returns once it printed {@code readyMark} to its log or to {@code output}. */
    static SystemTracer start(List<String> command, Path log, Path output, String readyMark)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SystemTracer tracer = new SystemTracer(process, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (text(log).contains(readyMark) || (Files.isRegularFile(output) && text(output).contains(readyMark))) {
                Thread.sleep(200); // the last probes attach right after the message
                return tracer;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("tracer exited early: " + command + ": " + text(log));
            }
            Thread.sleep(50);
        }
        tracer.close();
        throw new IllegalStateException("tracer not ready after 60 s: " + command + ": " + text(log));
    }

    /** User + system CPU seconds the tracer used so far (all its threads). */
    double cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /** What the tracer printed (its status and summary lines). */
    String log() throws IOException {
        return text(log);
    }

    private static String text(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
            process.waitFor();
        }
    }
}
