package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-made number and time formats write what the String ones do. */
class ByteLineTest {
    private static String text(ByteLine line) {
        return new String(line.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void digitsAreLongToString() {
        ByteLine line = new ByteLine();
        for (long value : new long[] {0, 7, 9, 10, 99, 100, 101, 12_345, -1, -10, -99_999, 999_999_999_999_999_999L,
                1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            line.clear();
            line.digits(value);
            assertEquals(Long.toString(value), text(line));
            assertEquals(Long.toString(value).length(), ByteLine.digitCount(value), "count of " + value);
        }
    }

    @Test
    void zeroPaddingFillsToTheWidthAndNoMore() {
        ByteLine line = new ByteLine();
        line.zeroPadded(42, 6).append((byte) '|').zeroPadded(0, 9).append((byte) '|').zeroPadded(1_234_567, 3);
        assertEquals("000042|000000000|1234567", text(line));
    }

    @Test
    void timesReadAsValueTextShowsThem() {
        ByteLine line = new ByteLine();
        RenderOptions utc = new RenderOptions(false);
        // the same second twice (its cached text), the next, and one before the epoch (floor, not truncation)
        for (long wallNs : List.of(1_793_606_400_123_456_789L, 1_793_606_400_999_999_999L, 1_793_606_401_000_000_001L,
                -1L, 0L)) {
            line.clear();
            line.utcMicros(wallNs).append((byte) ' ').utcNanos(wallNs);
            assertEquals(ValueText.of(ColumnKind.TIME, new Timestamp(0, wallNs, 0), utc) + " " + ValueText.utc(wallNs),
                    text(line));
        }
    }

    @Test
    void textIsUtf8AndTrailingBlanksTrim() {
        ByteLine line = new ByteLine();
        line.append("caf\u00e9 \ud83d\ude00 lone \udc00").spaces(300).trimSpaces();
        assertEquals("caf\u00e9 \ud83d\ude00 lone ?", text(line));
    }
}
