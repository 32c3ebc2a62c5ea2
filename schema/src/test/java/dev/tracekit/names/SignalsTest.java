package dev.tracekit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void namesEverySignalAndParsesItBack() {
        for (int signal = 0; signal <= Signals.SIGRTMAX; signal++) {
            assertEquals(signal, Signals.parse(Signals.name(signal)).orElseThrow(), Signals.name(signal));
        }
    }

    @Test
    void knownNames() {
        assertEquals("0", Signals.name(0));
        assertEquals("SIGKILL", Signals.name(9));
        assertEquals("SIGUSR1", Signals.name(10));
        assertEquals("SIGTERM", Signals.name(15));
        assertEquals("SIGCHLD", Signals.name(17));
        assertEquals("SIGSYS", Signals.name(31));
        assertEquals("SIGRTMIN", Signals.name(32));
        assertEquals("SIGRTMIN+3", Signals.name(35));
        assertEquals("SIGRTMAX", Signals.name(64));
        assertEquals("65", Signals.name(65));
    }

    @Test
    void parsesTheWaysPeopleWriteSignals() {
        assertEquals(15, Signals.parse("term").orElseThrow());
        assertEquals(15, Signals.parse("SIGTERM").orElseThrow());
        assertEquals(6, Signals.parse("SIGIOT").orElseThrow());
        assertEquals(63, Signals.parse("SIGRTMAX-1").orElseThrow());
        assertEquals(9, Signals.parse("9").orElseThrow());
        assertTrue(Signals.parse("SIGNOPE").isEmpty());
        assertTrue(Signals.parse("99").isEmpty());
        assertTrue(Signals.parse("SIGRTMIN+40").isEmpty());
    }
}
