package dev.tracekit.recorder.host;

import dev.tracekit.recorder.ffm.Libc;

/** CLOCK_BOOTTIME, the clock BPF stamps events with, and its offset to wall time. */
public final class BootClock {
    private BootClock() {
    }

    public static long nowNs() {
        return Libc.clockNs(Libc.CLOCK_BOOTTIME);
    }

    /**
     * Wall ns minus boot ns, sampled now: the boot clock is read between two wall-clock reads and paired with
     * their midpoint, so the error is half the sampling window (well under a microsecond), unlike /proc/stat's
     * whole-second btime.
     */
    public static long bootToWallNs() {
        long wallBefore = Libc.clockNs(Libc.CLOCK_REALTIME);
        long boot = Libc.clockNs(Libc.CLOCK_BOOTTIME);
        long wallAfter = Libc.clockNs(Libc.CLOCK_REALTIME);
        return wallBefore + (wallAfter - wallBefore) / 2 - boot;
    }
}
