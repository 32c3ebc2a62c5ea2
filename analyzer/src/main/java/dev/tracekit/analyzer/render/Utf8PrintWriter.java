package dev.tracekit.analyzer.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The analyzer's stdout: a {@link PrintWriter} over a {@link Utf8StreamWriter} that also takes lines the
 * table writers built as UTF-8 bytes ({@link ByteLine}), so a replay's millions of rows never become
 * Strings. Errors set the flag {@link #checkError} reports, as for text.
 */
public final class Utf8PrintWriter extends PrintWriter {
    private final Utf8StreamWriter utf8;

    public Utf8PrintWriter(OutputStream out, int bufferSize) {
        this(new Utf8StreamWriter(out, bufferSize));
    }

    private Utf8PrintWriter(Utf8StreamWriter utf8) {
        super(utf8, false);
        this.utf8 = utf8;
    }

    void writeUtf8(byte[] bytes, int off, int len) {
        synchronized (lock) {
            try {
                utf8.writeUtf8(bytes, off, len);
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                setError();
            }
        }
    }
}
