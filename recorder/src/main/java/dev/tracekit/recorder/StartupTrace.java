package dev.tracekit.recorder;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * With {@code TRACEKIT_STARTUP_TRACE=1} in the environment, one stderr line per step of the start and the stop:
 * milliseconds since the JVM started and since the previous mark, and which thread reached it. This is how
 * BENCHMARKS.md's breakdown of the recorder's ready and stop times was taken; without the variable every mark
 * is a test of one static final boolean.
 */
final class StartupTrace {
    private static final boolean ENABLED = "1".equals(System.getenv("TRACEKIT_STARTUP_TRACE"));
    /** The JVM's start in System.nanoTime terms: its uptime is read once, only when tracing. */
    private static final long JVM_START_NS = ENABLED
            ? System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L : 0;
    private static long previousNs = JVM_START_NS;

    private StartupTrace() {
    }

    static void mark(String step) {
        if (ENABLED) {
            print(System.err, step);
        }
    }

    private static synchronized void print(PrintStream err, String step) {
        long now = System.nanoTime();
        err.printf("tracekit record: startup: %7.1f ms  +%6.1f ms  %-14s %s%n", (now - JVM_START_NS) / 1e6,
                (now - previousNs) / 1e6, Thread.currentThread().getName(), step);
        previousNs = now;
    }
}
