package dev.tracekit.analyzer.aggregate;

/** What "top" means for syscall figures: most calls, most errors, or most total latency. */
public enum SyscallOrder {
    COUNT,
    ERRORS,
    LATENCY;

    long measure(SyscallStats stats) {
        return switch (this) {
            case COUNT -> stats.count();
            case ERRORS -> stats.errors();
            case LATENCY -> stats.latencyTotalNs() == null ? -1 : stats.latencyTotalNs();
        };
    }
}
