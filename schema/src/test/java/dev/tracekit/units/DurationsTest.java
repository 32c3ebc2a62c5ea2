package dev.tracekit.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void everyUnitAndPlainSeconds() {
        assertEquals(7L, Durations.parseNs("7ns"));
        assertEquals(7_000L, Durations.parseNs("7us"));
        assertEquals(250_000_000L, Durations.parseNs("250ms"));
        assertEquals(3_000_000_000L, Durations.parseNs("3"));
        assertEquals(3_000_000_000L, Durations.parseNs(" 3 S "));
        assertEquals(120_000_000_000L, Durations.parseNs("2m"));
        assertEquals(3_600_000_000_000L, Durations.parseNs("1h"));
        assertEquals(86_400_000_000_000L, Durations.parseNs("1d"));
        assertEquals(0L, Durations.parseNs("0s"));
    }

    @Test
    void fractionsAreExactAndRoundDown() {
        assertEquals(100_000_000L, Durations.parseNs("0.1s"));
        assertEquals(1_500_000_000L, Durations.parseNs("1.5"));
        assertEquals(1L, Durations.parseNs("1.9ns"));
    }

    @Test
    void anythingElseOrTooLongIsAnErrorNamingTheText() {
        for (String bad : new String[] {"soon", "-1s", "1e3s", "5 min", "", "s"}) {
            assertFalse(Durations.matches(bad), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNs(bad));
            assertTrue(e.getMessage().startsWith("bad duration '" + bad + "'"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Durations.parseNs("999999999999999999d"));
        assertEquals("duration '999999999999999999d' is too long", e.getMessage());
    }
}
