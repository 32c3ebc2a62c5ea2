package dev.tracekit.analyzer.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text into a large byte buffer, flushed to a stream. Replays write millions of lines; an
 * {@code OutputStreamWriter} widens each one to chars and encodes char by char, while
 * {@link String#getBytes} copies an ASCII line's bytes in one vectorised step. Encodes as
 * {@code OutputStreamWriter} does: a surrogate pair split across two writes is kept whole, an unpaired
 * surrogate becomes {@code ?}.
 */
public final class Utf8StreamWriter extends Writer {
    private final OutputStream out;
    private final byte[] buffer;
    private int used;
    /** A high surrogate that ended the last write; its pair starts the next one. */
    private String pendingHigh = "";

    public Utf8StreamWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        String text = off == 0 && len == s.length() ? s : s.substring(off, off + len);
        if (!pendingHigh.isEmpty()) {
            text = pendingHigh + text;
            pendingHigh = "";
        }
        if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            pendingHigh = text.substring(text.length() - 1);
            text = text.substring(0, text.length() - 1);
        }
        put(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        write(new String(chars, off, len), 0, len);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    /** Text already encoded as UTF-8 (a replay's row, {@link ByteLine}), after the text written before it. */
    void writeUtf8(byte[] bytes, int off, int len) throws IOException {
        if (!pendingHigh.isEmpty()) {
            pendingHigh = ""; // a high surrogate that no low one follows, as OutputStreamWriter has it
            put(new byte[] {'?'}, 0, 1);
        }
        put(bytes, off, len);
    }

    private void put(byte[] bytes) throws IOException {
        put(bytes, 0, bytes.length);
    }

    private void put(byte[] bytes, int off, int len) throws IOException {
        if (len > buffer.length - used) {
            drain();
            if (len >= buffer.length) {
                out.write(bytes, off, len);
                return;
            }
        }
        System.arraycopy(bytes, off, buffer, used, len);
        used += len;
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!pendingHigh.isEmpty()) {
            pendingHigh = "";
            put(new byte[] {'?'});
        }
        flush();
        out.close();
    }
}
