package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-made time formats of the replay path against java.time's. */
class ValueTextTest {
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void fullPrecisionUtcAgreesWithJavaTime() {
        SplittableRandom random = new SplittableRandom(14);
        long[] edges = {0, 1, 999_999_999, 1_000_000_000, -1, -1_000_000_001, 1_793_606_400_123_456_789L};
        for (long wallNs : edges) {
            assertEquals(javaTime(wallNs), ValueText.utc(wallNs), Long.toString(wallNs));
        }
        for (int i = 0; i < 10_000; i++) {
            long wallNs = random.nextLong(-2_000_000_000_000_000_000L, 4_000_000_000_000_000_000L);
            assertEquals(javaTime(wallNs), ValueText.utc(wallNs), Long.toString(wallNs));
        }
    }

    private static String javaTime(long wallNs) {
        return NANOS.format(Instant.ofEpochSecond(Math.floorDiv(wallNs, 1_000_000_000L),
                Math.floorMod(wallNs, 1_000_000_000L)));
    }
}
