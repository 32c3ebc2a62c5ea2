package dev.tracekit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrnosTest {

    @Test
    void knownErrnos() {
        assertEquals("EPERM", Errnos.name(1));
        assertEquals("ENOENT", Errnos.name(2));
        assertEquals("ESRCH", Errnos.name(3));
        assertEquals("EACCES", Errnos.name(13));
        assertEquals("EMFILE", Errnos.name(24));
        assertEquals("ENAMETOOLONG", Errnos.name(36));
        assertEquals("EAGAIN", Errnos.name(11));
        assertEquals("9999", Errnos.name(9999));
    }

    @Test
    void parsesNamesAliasesAndNumbers() {
        assertEquals(2, Errnos.parse("enoent").orElseThrow());
        assertEquals(11, Errnos.parse("EWOULDBLOCK").orElseThrow());
        assertEquals(95, Errnos.parse("ENOTSUP").orElseThrow());
        assertEquals(13, Errnos.parse("13").orElseThrow());
        assertTrue(Errnos.parse("ENOPE").isEmpty());
    }

    @Test
    void errnoOfReturnValues() {
        assertEquals(2, Errnos.ofReturnValue(-2));
        assertEquals(4095, Errnos.ofReturnValue(-4095));
        assertEquals(0, Errnos.ofReturnValue(-4096));
        assertEquals(0, Errnos.ofReturnValue(3));
    }
}
