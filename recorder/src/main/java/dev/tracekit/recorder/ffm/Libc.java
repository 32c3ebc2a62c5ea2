package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/** The few libc calls the recorder needs that Java does not offer: uid, clocks, mount, isatty, strerror, signal, readlink, mmap, epoll, eventfd. */
@SuppressWarnings("restricted") // binding native code is this class's job
public final class Libc {
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_BOOTTIME = 7;

    private static final SymbolLookup LIBC = Linker.nativeLinker().defaultLookup();
    private static final NativeFunction GETEUID = NativeFunction.find(LIBC, "geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final NativeFunction GETPPID = NativeFunction.findDeferred(LIBC, "getppid", FunctionDescriptor.of(JAVA_INT));
    private static final NativeFunction ISATTY = NativeFunction.find(LIBC, "isatty",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final NativeFunction STRERROR = NativeFunction.findDeferred(LIBC, "strerror",
            FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final NativeFunction CLOCK_GETTIME = NativeFunction.find(LIBC, "clock_gettime",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final NativeFunction READLINK = NativeFunction.find(LIBC, "readlink",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
    private static final NativeFunction MMAP = NativeFunction.find(LIBC, "mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final NativeFunction MUNMAP = NativeFunction.findDeferred(LIBC, "munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final NativeFunction EPOLL_CREATE1 = NativeFunction.find(LIBC, "epoll_create1",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final NativeFunction EPOLL_CTL = NativeFunction.find(LIBC, "epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final NativeFunction EPOLL_WAIT = NativeFunction.find(LIBC, "epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final NativeFunction EVENTFD = NativeFunction.find(LIBC, "eventfd",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final NativeFunction WRITE = NativeFunction.findDeferred(LIBC, "write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final NativeFunction CLOSE = NativeFunction.find(LIBC, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final NativeFunction SIGNAL = NativeFunction.find(LIBC, "signal",
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    private static final NativeFunction UMOUNT2 = NativeFunction.findDeferred(LIBC, "umount2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final NativeFunction MOUNT = NativeFunction.findDeferred(LIBC, "mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));

    private Libc() {
    }

    public static int geteuid() {
        return GETEUID.callInt();
    }

    /** The parent's pid; HostTgid makes this call for a BPF program to see (the JDK never makes it). */
    public static int getppid() {
        return GETPPID.callInt();
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

    /**
     * readlink(2): a link's target as the raw bytes the kernel holds (Java's Path would decode a name that is not
     * UTF-8 lossily); null when it cannot be read (no such file, not a link, a kernel thread's /proc/PID/exe).
     */
    public static byte[] readlink(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4096);
            long n = READLINK.callLong(arena.allocateFrom(path), buffer, buffer.byteSize());
            return n < 0 ? null : buffer.asSlice(0, n).toArray(JAVA_BYTE);
        }
    }

    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int MAP_SHARED = 1;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLLIN = 1;
    private static final int EINTR = 4;
    private static final int EPOLL_CLOEXEC = 02000000;

    /** mmap(2) of a file descriptor, shared; the segment is {@code length} bytes, unmapped by {@link #munmap}. */
    public static MemorySegment mmap(long length, int prot, int fd, long offset) {
        MemorySegment address = MMAP.callPointer(MemorySegment.NULL, length, prot, MAP_SHARED, fd, offset);
        if (address.address() == -1L) {
            throw new NativeCallException(MMAP.name(), NativeFunction.lastErrno(), null);
        }
        return address.reinterpret(length);
    }

    public static void munmap(MemorySegment mapping) {
        MUNMAP.callInt(mapping, mapping.byteSize());
    }

    public static int epollCreate() {
        int fd = EPOLL_CREATE1.callInt(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw new NativeCallException(EPOLL_CREATE1.name(), NativeFunction.lastErrno(), null);
        }
        return fd;
    }

    /** epoll_ctl(2) with an event already laid out as this architecture's struct epoll_event. */
    public static void epollCtl(int epollFd, int op, int fd, MemorySegment event) {
        if (EPOLL_CTL.callInt(epollFd, op, fd, event) != 0) {
            throw new NativeCallException(EPOLL_CTL.name(), NativeFunction.lastErrno(), null);
        }
    }

    /** epoll_wait(2): events ready, 0 on timeout or when a signal interrupted the wait. */
    public static int epollWait(int epollFd, MemorySegment events, int maxEvents, int timeoutMs) {
        int n = EPOLL_WAIT.callInt(epollFd, events, maxEvents, timeoutMs);
        if (n < 0) {
            int errno = NativeFunction.lastErrno();
            if (errno == EINTR) {
                return 0;
            }
            throw new NativeCallException(EPOLL_WAIT.name(), errno, null);
        }
        return n;
    }

    private static final int EFD_NONBLOCK = 04000;
    private static final int EFD_CLOEXEC = 02000000;
    /** The 8-byte counter increment an eventfd takes, shared by every thread that writes one. */
    private static final MemorySegment ONE = Arena.global().allocateFrom(JAVA_LONG, 1L);

    /** A non-blocking eventfd(2), counter 0: an fd epoll can wait on that another thread makes readable. */
    public static int eventfd() {
        int fd = EVENTFD.callInt(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (fd < 0) {
            throw new NativeCallException(EVENTFD.name(), NativeFunction.lastErrno(), null);
        }
        return fd;
    }

    /** Adds 1 to an eventfd's counter, making it readable; safe from any thread. */
    public static void signalEventfd(int fd) {
        WRITE.callLong(fd, ONE, 8L);
    }

    public static void close(int fd) {
        CLOSE.callInt(fd);
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

    private static final int MNT_DETACH = 2;

    /** umount2(2) with MNT_DETACH: the mount goes now, what holds it open keeps it until done; false on failure. */
    public static boolean umountLazily(String target) {
        try (Arena arena = Arena.ofConfined()) {
            return UMOUNT2.callInt(arena.allocateFrom(target), MNT_DETACH) == 0;
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
