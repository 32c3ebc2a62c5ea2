package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    private static String escape(String text) {
        return SafeText.escape(text.getBytes(StandardCharsets.UTF_8));
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
