package dev.tracekit.recorder.host;

import static dev.tracekit.recorder.layout.TracekitStructs.SELF_QUERY;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.recorder.ffm.BpfObject;
import dev.tracekit.recorder.ffm.Libbpf;
import dev.tracekit.recorder.ffm.Libc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorder's own tgid as the kernel numbers it, which the programs compare with to leave the recorder out.
 * In a container's pid namespace {@code getpid()} is the namespace's pid and the host's /proc is not visible, so
 * only the kernel can tell: self.bpf.c sees the recorder's getppid call and reports the tgid it ran as.
 */
public final class HostTgid {
    private HostTgid() {
    }

    /** This process's tgid on the host; {@code inHostPidNamespace} spares the BPF round trip where they agree. */
    public static int of(boolean inHostPidNamespace) {
        int nsTgid = (int) ProcessHandle.current().pid();
        if (inHostPidNamespace) {
            return nsTgid;
        }
        Path namespace = Path.of("/proc/self/ns/pid");
        long dev;
        long ino;
        try {
            dev = (Long) Files.getAttribute(namespace, "unix:dev");
            ino = (Long) Files.getAttribute(namespace, "unix:ino");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + namespace, e);
        }
        try (BpfObject object = BpfObject.open("self"); Arena arena = Arena.ofConfined()) {
            object.load();
            int fd = object.mapFd("self");
            MemorySegment key = arena.allocateFrom(JAVA_INT, 0);
            MemorySegment query = arena.allocate(SELF_QUERY);
            query.set(JAVA_LONG, offset(SELF_QUERY, "ns_dev"), kernelDev(dev));
            query.set(JAVA_LONG, offset(SELF_QUERY, "ns_ino"), ino);
            query.set(JAVA_INT, offset(SELF_QUERY, "ns_tgid"), nsTgid);
            Libbpf.bpf_map_update_elem(fd, key, query, Libbpf.BPF_ANY);
            object.attach();
            Libc.getppid();
            Libbpf.bpf_map_lookup_elem(fd, key, query);
            int hostTgid = query.get(JAVA_INT, offset(SELF_QUERY, "host_tgid"));
            if (hostTgid == 0) {
                throw new IllegalStateException("the kernel did not report the recorder's own tgid (self.bpf.c)");
            }
            return hostTgid;
        }
    }

    /**
     * stat's st_dev as the kernel's dev_t, which bpf_get_ns_current_pid_tgid compares with: stat encodes the
     * minor's low 8 bits, the major, then the minor's upper bits (new_encode_dev); the kernel holds major << 20
     * | minor. They differ once the namespace file system's minor passes 255.
     */
    static long kernelDev(long statDev) {
        long major = (statDev >>> 8) & 0xfff;
        long minor = (statDev & 0xff) | ((statDev >>> 12) & 0xfff00);
        return (major << 20) | minor;
    }
}
