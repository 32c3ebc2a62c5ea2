package dev.tracekit.analyzer.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One output line built as UTF-8 bytes in a reused buffer: replays print millions of rows, and building
 * each as Strings (a cell per value, then the line, then its encoding) was most of their time. Numbers are
 * written digit by digit, a time's date part once per second seen.
 */
final class ByteLine {
    private static final long NS_PER_SECOND = 1_000_000_000L;
    /** "00" to "99". */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes = new byte[256];
    private int length;
    private long second = Long.MIN_VALUE;
    private byte[] secondText;

    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    /** A copy of the line so far: a fixed piece (a field's name) encoded once. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    ByteLine append(byte b) {
        room(1);
        bytes[length++] = b;
        return this;
    }

    /** Bytes as they are: the caller has checked they need no escaping. */
    ByteLine append(byte[] from) {
        room(from.length);
        System.arraycopy(from, 0, bytes, length, from.length);
        length += from.length;
        return this;
    }

    /** Any text, UTF-8 encoded as {@link String#getBytes} does (an unpaired surrogate becomes {@code ?}). */
    ByteLine append(String text) {
        if (!appendAscii(text, 0)) {
            append(text.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /**
     * Text with nothing {@link SafeText} escapes (printable ASCII, no backslash), written as it is; false, and
     * the line as it was, for any other text.
     */
    boolean appendPrintable(String text) {
        return appendAscii(text, 0x20);
    }

    /** The text, in one pass, if every char is ASCII and at least {@code lowest}; with a lowest, DEL and backslash fail too. */
    private boolean appendAscii(String text, int lowest) {
        int n = text.length();
        room(n);
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c < lowest || lowest > 0 && (c == 0x7f || c == '\\')) {
                return false;
            }
            bytes[at++] = (byte) c;
        }
        length = at;
        return true;
    }

    /** {@code value} in decimal, as {@link Long#toString(long)}. */
    ByteLine digits(long value) {
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        if (value < 0) {
            append((byte) '-');
            value = -value;
        }
        return unsigned(value, digitCount(value));
    }

    /** At least {@code width} digits, zeros in front: a fraction of a second. */
    ByteLine zeroPadded(long value, int width) {
        return unsigned(value, Math.max(width, digitCount(value)));
    }

    /**
     * Two digits at a time, from the right: half the divisions, and int ones once the value fits (pids, fds and
     * fractions always do; timestamps have 16 to 19 digits).
     */
    private ByteLine unsigned(long value, int count) {
        room(count);
        byte[] to = bytes;
        int first = length;
        int pos = first + count;
        length = pos;
        while (value > Integer.MAX_VALUE) {
            int pair = (int) (value % 100) * 2;
            value /= 100;
            to[--pos] = DIGIT_PAIRS[pair + 1];
            to[--pos] = DIGIT_PAIRS[pair];
        }
        int rest = (int) value;
        while (pos - 2 >= first) {
            int pair = rest % 100 * 2;
            rest /= 100;
            to[--pos] = DIGIT_PAIRS[pair + 1];
            to[--pos] = DIGIT_PAIRS[pair];
        }
        if (pos > first) {
            to[--pos] = (byte) ('0' + rest);
        }
        return this;
    }

    /** Characters {@link #digits} writes for {@code value}. */
    static int digitCount(long value) {
        if (value < 0) {
            return value == Long.MIN_VALUE ? 20 : 1 + digitCount(-value);
        }
        int count = 1;
        for (long limit = 10; count < 19 && value >= limit; limit *= 10) {
            count++;
        }
        return count;
    }

    ByteLine spaces(int count) {
        if (count > 0) {
            room(count);
            byte[] to = bytes;
            for (int i = length, end = length + count; i < end; i++) {
                to[i] = ' '; // a loop: Arrays.fill's call costs more than the few blanks a cell pads with
            }
            length += count;
        }
        return this;
    }

    /** Drops trailing blanks: aligned tables end their lines without them. */
    void trimSpaces() {
        while (length > 0 && bytes[length - 1] == ' ') {
            length--;
        }
    }

    /** {@code 2026-11-02T09:00:00.123456Z}, as {@link ValueText} shows a time in tables. */
    ByteLine utcMicros(long wallNs) {
        return utcSecond(wallNs).append((byte) '.')
                .zeroPadded(Math.floorMod(wallNs, NS_PER_SECOND) / 1_000L, 6).append((byte) 'Z');
    }

    /** {@code 2026-11-02T09:00:00.123456789Z}, as {@link ValueText#utc} has it for JSON and CSV. */
    ByteLine utcNanos(long wallNs) {
        return utcSecond(wallNs).append((byte) '.').zeroPadded(Math.floorMod(wallNs, NS_PER_SECOND), 9)
                .append((byte) 'Z');
    }

    private ByteLine utcSecond(long wallNs) {
        long s = Math.floorDiv(wallNs, NS_PER_SECOND);
        if (s != second || secondText == null) {
            secondText = ValueText.secondText(wallNs).getBytes(StandardCharsets.US_ASCII);
            second = s;
        }
        return append(secondText);
    }

    /**
     * The line to the output: as bytes to the analyzer's stdout, decoded for any other writer (tests, files),
     * which then encodes it back to the same bytes.
     */
    void writeTo(PrintWriter out) {
        if (out instanceof Utf8PrintWriter utf8) {
            utf8.writeUtf8(bytes, 0, length);
        } else {
            out.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
