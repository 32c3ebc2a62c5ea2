package dev.tracekit.analyzer;

/** What the analyzer's exit status tells a script. */
public enum ExitCode {
    /** Everything asked for was read and reported. */
    OK(0),
    /** A result was printed, but part of the input could not be read (a truncated or corrupt file). */
    PARTIAL(1),
    /** Nothing useful could be done: a missing path, not a recording, an unknown name, a bad option. */
    BAD_INPUT(2),
    /** An analyzer bug, not the user's input (sysexits' EX_SOFTWARE), so scripts can tell the two apart. */
    INTERNAL_ERROR(70);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
