package dev.tracekit.recorder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With {@code TRACEKIT_STARTUP_TRACE=1} in the environment, one stderr line per step of the start and the stop:
 * milliseconds since the process started and since the previous mark, and which thread reached it. This is how
 * BENCHMARKS.md's breakdown of the recorder's ready and stop times was taken; without the variable every mark
 * is a test of one static final boolean.
 */
final class StartupTrace {
    private static final boolean ENABLED = "1".equals(System.getenv("TRACEKIT_STARTUP_TRACE"));
    /**
     * The process's start (its exec; the launcher script's, under bin/tracekit) in System.nanoTime terms, to the
     * kernel's 10 ms tick: /proc/self/stat's start time against /proc/uptime, both counted from boot. Read once,
     * only when tracing; not from java.management, whose start would add ~100 ms to what is measured.
     */
    private static final long PROCESS_START_NS = ENABLED ? System.nanoTime() - sinceStartNs() : 0;
    private static long previousNs = PROCESS_START_NS;

    private StartupTrace() {
    }

    private static long sinceStartNs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command name, which may hold spaces; start time is the 22nd field
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startSeconds = Long.parseLong(fields[22 - 3]) / 100.0; // USER_HZ
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return (long) ((uptimeSeconds - startSeconds) * 1e9);
        } catch (IOException | RuntimeException e) {
            return 0; // then the first mark counts from itself
        }
    }

    static void mark(String step) {
        if (ENABLED) {
            print(System.err, step);
        }
    }

    /** A step of one BPF object: the name joined only when tracing. */
    static void mark(String step, String object) {
        if (ENABLED) {
            print(System.err, step + " " + object);
        }
    }

    private static synchronized void print(PrintStream err, String step) {
        long now = System.nanoTime();
        // a StringBuilder, not a Formatter or + (an invokedynamic bootstrap): their first use costs milliseconds
        // and classes the AOT cache does not hold, which would slow what is traced
        err.println(new StringBuilder("tracekit record: startup: ").append((now - PROCESS_START_NS) / 1_000_000)
                .append(" ms (+").append((now - previousNs) / 100_000 / 10.0).append(") ")
                .append(Thread.currentThread().getName()).append(": ").append(step));
        previousNs = now;
    }
}
