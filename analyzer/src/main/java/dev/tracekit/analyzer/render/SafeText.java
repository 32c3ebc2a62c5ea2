package dev.tracekit.analyzer.render;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Makes untrusted text (process names, paths, host names from headers) safe to print: a traced process can
 * name itself anything, including escape sequences that would drive the reader's terminal. Valid UTF-8
 * stays readable; control characters, bidi overrides, backslashes and bytes that are not UTF-8 are written as
 * escapes ({@code \xNN}, {@code \n}, {@code \t}, {@code \\}, {@code \u202e}), so the result is one printable
 * line that can be mapped back to the bytes.
 */
public final class SafeText {
    private SafeText() {
    }

    /** The bytes as text if they are valid UTF-8. */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    public static String escape(byte[] bytes) {
        if (isPlainAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(bytes.length + 8);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                appendCodePoint(out, b);
                i++;
                continue;
            }
            int length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
            Optional<String> sequence = length > 0 && i + length <= bytes.length
                    ? strictUtf8(java.util.Arrays.copyOfRange(bytes, i, i + length)) : Optional.empty();
            if (sequence.isPresent() && b < 0xf8) {
                appendCodePoint(out, sequence.get().codePointAt(0));
                i += length;
            } else {
                out.append(String.format("\\x%02x", b));
                i++;
            }
        }
        return out.toString();
    }

    /** Printable ASCII without backslashes: nothing to escape (the common case, checked first). */
    static boolean isPlainAscii(byte[] bytes) {
        int i = 0;
        // eight bytes at a time (replays check every comm and path): a high bit set in the sum marks a byte below
        // 0x20 or above 0x7f, or one equal to DEL or a backslash, exactly (the classic "has zero byte" tests)
        for (; i + 8 <= bytes.length; i += 8) {
            long w = (long) LONGS.get(bytes, i);
            long below = (w - 0x2020202020202020L) & ~w;
            long del = w ^ 0x7f7f7f7f7f7f7f7fL;
            long backslash = w ^ 0x5c5c5c5c5c5c5c5cL;
            if (((below | w | (del - 0x0101010101010101L) & ~del | (backslash - 0x0101010101010101L) & ~backslash)
                    & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b < 0x20 || b == 0x7f || b == '\\') {
                return false;
            }
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** As {@link #isPlainAscii(byte[])}: decoded names (flags, errno) are nearly always this. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public static String escape(String text) {
        if (isPlainAscii(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendCodePoint(out, cp));
        return out.toString();
    }

    private static void appendCodePoint(StringBuilder out, int cp) {
        switch (cp) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            default -> {
                if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                } else if ((cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
                        || cp == 0x200e || cp == 0x200f || cp == 0xfeff) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
