package dev.tracekit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenFlagsTest {
    private final OpenFlags x86 = OpenFlags.of(Arch.X86_64);
    private final OpenFlags arm = OpenFlags.of(Arch.AARCH64);

    @Test
    void decodesAsStraceDoes() {
        assertEquals("O_RDONLY", x86.decode(0));
        assertEquals("O_WRONLY|O_CREAT|O_TRUNC", x86.decode(01 | 0100 | 01000));
        assertEquals("O_RDWR|O_CREAT|O_CLOEXEC", x86.decode(02 | 0100 | 02000000));
        assertEquals("O_RDONLY|O_SYNC", x86.decode(04010000));
        assertEquals("O_RDONLY|O_DSYNC", x86.decode(010000));
    }

    @Test
    void theArchitecturesDisagreeOnFourBits() {
        assertEquals("O_RDONLY|O_DIRECT", x86.decode(040000));
        assertEquals("O_RDONLY|O_DIRECTORY", arm.decode(040000));
        assertEquals("O_RDONLY|O_DIRECTORY", x86.decode(0200000));
        assertEquals("O_RDONLY|O_DIRECT", arm.decode(0200000));
        assertEquals("O_RDONLY|O_NOFOLLOW", x86.decode(0400000));
        assertEquals("O_RDONLY|O_LARGEFILE", arm.decode(0400000));
    }

    @Test
    void tmpfileIsNamedWholeAndNotAsDirectory() {
        assertEquals("O_RDWR|O_TMPFILE", x86.decode(02 | 020000000 | 0200000));
        assertEquals("O_RDWR|O_TMPFILE", arm.decode(02 | 020000000 | 040000));
    }

    @Test
    void unknownBitsShowInOctal() {
        assertEquals("O_RDONLY|040000000000", x86.decode(040000000000L));
    }

    @Test
    void hasComparesAccessModesAsModes() {
        assertTrue(x86.has(01 | 0100, "O_WRONLY"));
        assertTrue(x86.has(01 | 0100, "creat"));
        assertFalse(x86.has(02, "O_WRONLY"));
        assertTrue(x86.has(0, "O_RDONLY"));
        assertFalse(x86.has(01, "O_RDONLY"));
        assertThrows(IllegalArgumentException.class, () -> x86.has(0, "O_BOGUS"));
    }
}
