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

    /**
     * What ranks rows of equal measure: calls, for rows by latency, so that rows without latency (counts
     * recorded without --latency) read as syscount's top by count rather than in syscall-number order.
     */
    long tieBreak(SyscallStats stats) {
        return this == LATENCY ? stats.count() : 0;
    }
}
