package dev.tracekit.analyzer.report;

/** Counts replayed rows against {@code --limit}; without a limit, every row is shown. */
final class ReplayLimit {
    private final long limit;
    private long shown;

    ReplayLimit(Integer limit) {
        this.limit = limit == null ? Long.MAX_VALUE : limit;
    }

    /** True when one more row may be shown; counts it. */
    boolean take() {
        if (shown >= limit) {
            return false;
        }
        shown++;
        return true;
    }

    boolean more() {
        return shown < limit;
    }
}
