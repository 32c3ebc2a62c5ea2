package dev.tracekit.analyzer.input;

/**
 * Bytes that do not parse as what they should be: a truncated file, a flipped bit, a declared size that
 * cannot be right. Carries the byte offset in the file where reading had to stop.
 */
public final class CorruptInputException extends Exception {
    private final long offset;
    private final boolean cutShort;

    public CorruptInputException(long offset, String reason) {
        this(offset, reason, false);
    }

    private CorruptInputException(long offset, String reason, boolean cutShort) {
        super(reason, null, false, false);
        this.offset = offset;
        this.cutShort = cutShort;
    }

    /** The input ends inside a block: damage in a closed file, the next block still being written in a live one. */
    static CorruptInputException cutShort(long offset) {
        return new CorruptInputException(offset, "file ends inside a block", true);
    }

    /** True when the input merely ends early ({@link #cutShort}), rather than holding bytes that are wrong. */
    public boolean isCutShort() {
        return cutShort;
    }

    public long offset() {
        return offset;
    }
}
