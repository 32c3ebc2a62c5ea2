package dev.tracekit.analyzer;

/**
 * A failure the user can act on, with the exit code it ends the run with. The message is the one line
 * printed; no stack trace is shown for these.
 */
public final class TracekitException extends RuntimeException {
    private final ExitCode exitCode;

    public TracekitException(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static TracekitException badInput(String message) {
        return new TracekitException(ExitCode.BAD_INPUT, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
