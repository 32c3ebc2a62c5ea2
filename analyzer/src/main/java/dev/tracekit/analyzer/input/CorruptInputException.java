package dev.tracekit.analyzer.input;

/**
 * Bytes that do not parse as what they should be: a truncated file, a flipped bit, a declared size that
 * cannot be right. Carries the byte offset in the file where reading had to stop.
 */
public final class CorruptInputException extends Exception {
    private final long offset;

    public CorruptInputException(long offset, String reason) {
        super(reason, null, false, false);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
