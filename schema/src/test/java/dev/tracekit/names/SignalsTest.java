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
        assertEquals("SIGRT_0", Signals.name(32));
        assertEquals("SIGRT_1", Signals.name(33));
        assertEquals("SIGRTMAX", Signals.name(64));
        assertEquals("65", Signals.name(65));
    }

    /** bash's {@code kill -l} on glibc x86_64 (the same on aarch64): 34 is SIGRTMIN, 35 SIGRTMIN+1. */
    @Test
    void realTimeSignalsAreNamedAsBashAndGlibcNameThem() {
        assertEquals("SIGRTMIN", Signals.name(34));
        assertEquals("SIGRTMIN+1", Signals.name(35));
        assertEquals("SIGRTMIN+15", Signals.name(49));
        assertEquals("SIGRTMAX-14", Signals.name(50));
        assertEquals("SIGRTMAX-1", Signals.name(63));
        assertEquals(35, Signals.parse("SIGRTMIN+1").orElseThrow());
        assertEquals(35, Signals.parse("RTMIN+1").orElseThrow());
        assertEquals(50, Signals.parse("SIGRTMIN+16").orElseThrow(), "both spellings of 50");
        assertEquals(50, Signals.parse("rtmax-14").orElseThrow());
        assertEquals(35, Signals.parse("SIGRT_3").orElseThrow(), "strace's kernel-relative name");
        assertEquals(32, Signals.parse("SIGRT_0").orElseThrow());
        assertTrue(Signals.parse("SIGRTMIN-1").isEmpty(), "33 is below glibc's SIGRTMIN");
        assertTrue(Signals.parse("SIGRT_33").isEmpty());
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
