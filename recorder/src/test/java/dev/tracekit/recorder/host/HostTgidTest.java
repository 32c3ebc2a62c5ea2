package dev.tracekit.recorder.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostTgidTest {
    @Test
    void statDevicesBecomeTheKernelsDevT() {
        assertEquals(4, HostTgid.kernelDev(4), "major 0, a small minor: both encodings agree");
        assertEquals(300, HostTgid.kernelDev(44 | 256 << 12), "minor 300: its upper bits sit above the major in stat");
        assertEquals(8L << 20 | 1, HostTgid.kernelDev(8 << 8 | 1), "major 8, minor 1 (sda1)");
    }
}
