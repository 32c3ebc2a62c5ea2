package dev.tracekit.recorder;

/** Ends the recorder with a one-line message on stderr and an exit code, no stack trace. */
public final class RecorderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Everything went as asked. */
    public static final int OK = 0;
    /** The recording started but failed (e.g. disk full); files written so far stay valid. */
    public static final int FAILED = 1;
    /** Bad input, or the host cannot record (not root, no BPF, no BTF, output not writable). */
    public static final int USAGE = 2;

    private final int exitCode;

    public RecorderException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public RecorderException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
