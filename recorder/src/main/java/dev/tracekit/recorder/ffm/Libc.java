package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/** The few libc calls the recorder needs that Java does not offer: uid, clocks, mount, isatty, strerror, signal. */
@SuppressWarnings("restricted") // binding native code is this class's job
public final class Libc {
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_BOOTTIME = 7;

    private static final SymbolLookup LIBC = Linker.nativeLinker().defaultLookup();
    private static final NativeFunction GETEUID = NativeFunction.find(LIBC, "geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final NativeFunction ISATTY = NativeFunction.find(LIBC, "isatty",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final NativeFunction STRERROR = NativeFunction.find(LIBC, "strerror",
            FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final NativeFunction CLOCK_GETTIME = NativeFunction.find(LIBC, "clock_gettime",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final NativeFunction SIGNAL = NativeFunction.find(LIBC, "signal",
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    private static final NativeFunction MOUNT = NativeFunction.find(LIBC, "mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));

    private Libc() {
    }

    public static int geteuid() {
        return GETEUID.callInt();
    }

    public static boolean isatty(int fd) {
        return ISATTY.callInt(fd) == 1;
    }

    public static String strerror(int errno) {
        MemorySegment text = STRERROR.callPointer(errno);
        return text.equals(MemorySegment.NULL) ? "errno " + errno : text.reinterpret(256).getString(0);
    }

    /** The clock in ns; {@code clockId} is {@link #CLOCK_REALTIME} or {@link #CLOCK_BOOTTIME}. */
    public static long clockNs(int clockId) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timespec = arena.allocate(16, 8);
            if (CLOCK_GETTIME.callInt(clockId, timespec) != 0) {
                throw new NativeCallException(CLOCK_GETTIME.name(), NativeFunction.lastErrno(), null);
            }
            return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
        }
    }

    /** mount(2) without data. */
    public static void mount(String source, String target, String fsType) {
        try (Arena arena = Arena.ofConfined()) {
            int rc = MOUNT.callInt(arena.allocateFrom(source), arena.allocateFrom(target), arena.allocateFrom(fsType),
                    0L, MemorySegment.NULL);
            if (rc != 0) {
                throw new NativeCallException(MOUNT.name() + " " + fsType + " on " + target,
                        NativeFunction.lastErrno(), null);
            }
        }
    }

    /**
     * Resets {@code signal} to its default action (SIG_DFL). The JVM refuses to handle INT, TERM or HUP when the
     * process inherited them ignored; after this it handles them again.
     */
    public static void defaultSignalAction(int signal) {
        if (SIGNAL.callPointer(signal, MemorySegment.NULL).address() == -1L) { // SIG_ERR
            throw new NativeCallException(SIGNAL.name(), NativeFunction.lastErrno(), null);
        }
    }
}
