package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    private static String escape(String text) {
        return SafeText.escape(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The word-at-a-time check against the byte-at-a-time rule: every byte value, at every place of a word and of the tail. */
    @Test
    void plainAsciiIsDecidedForEveryByteWherever() {
        for (int length = 1; length <= 17; length++) {
            for (int at = 0; at < length; at++) {
                for (int b = 0; b < 256; b++) {
                    byte[] bytes = "abcdefghijklmnopq".substring(0, length).getBytes(StandardCharsets.US_ASCII);
                    bytes[at] = (byte) b;
                    boolean plain = b >= 0x20 && b < 0x7f && b != '\\';
                    assertEquals(plain, SafeText.isPlainAscii(bytes), "byte " + b + " at " + at + " of " + length);
                }
            }
        }
    }

    @Test
    void keepsReadableUtf8() {
        assertEquals("/srv/café/日本", escape("/srv/café/日本"));
    }

    @Test
    void escapesControlsBackslashesAndBidiOverrides() {
        assertEquals("a\\nb\\tc\\x1b[0m\\x07\\\\d\\u202eevil", escape("a\nb\tc\u001b[0m\u0007\\d\u202eevil"));
        assertEquals("\\u009b", escape("\u009b"), "C1 CSI");
    }

    @Test
    void escapesBytesThatAreNotUtf8() {
        assertEquals("\\xff\\xfebad\\xc3", SafeText.escape(new byte[] {(byte) 0xff, (byte) 0xfe, 'b', 'a', 'd', (byte) 0xc3}));
        assertEquals("\\xed\\xa0\\x80", SafeText.escape(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "a lone surrogate");
    }
}
