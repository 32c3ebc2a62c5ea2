package dev.tracekit.recorder.ffm;

import dev.tracekit.names.Errnos;

/** A failed native call, said as {@code function: strerror (ERRNAME)}, with the libbpf log lines that explain it. */
public final class NativeCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int errno;

    public NativeCallException(String function, int errno, String detail) {
        super(function + ": " + Libc.strerror(errno) + " (" + Errnos.name(errno) + ")"
                + (detail == null || detail.isEmpty() ? "" : "\n" + detail));
        this.function = function;
        this.errno = errno;
    }

    public String function() {
        return function;
    }

    public int errno() {
        return errno;
    }
}
