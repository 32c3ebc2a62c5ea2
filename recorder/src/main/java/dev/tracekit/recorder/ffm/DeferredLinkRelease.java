package dev.tracekit.recorder.ffm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Unlinks BPF programs without waiting for the kernel. Closing a tracepoint link's last fd releases it on the
 * spot, and that release waits for RCU grace periods under a global mutex: about 40 ms per link here, one after
 * another. A link pinned in a BPF file system is released instead by the pin's removal, which drops the last
 * reference through {@code bpf_link_put}, and since Linux 6.5 that defers the release to a kernel worker. So each link is
 * pinned in a private BPF file system, its fd closed (not the last reference: quick), and the pin removed; the
 * kernel then unlinks the programs in the background, while the recorder exits. The programs must already let
 * everything pass (the live filter's {@code stopped}), since they run on for those milliseconds.
 *
 * <p>Where no private BPF file system can be mounted (no privilege, no bpffs in this kernel), links are
 * destroyed as before.
 */
final class DeferredLinkRelease implements AutoCloseable {
    private final Path mount;
    private final Arena arena = Arena.ofConfined();
    private final List<Path> pins = new ArrayList<>();

    private DeferredLinkRelease(Path mount) {
        this.mount = mount;
    }

    /** A private BPF file system to pin links in, or null when none can be mounted. */
    static DeferredLinkRelease open() {
        Path dir;
        try {
            dir = Files.createTempDirectory("tracekit-bpffs-");
        } catch (IOException e) {
            return null;
        }
        try {
            Libc.mount("bpf", dir.toString(), "bpf");
            return new DeferredLinkRelease(dir);
        } catch (NativeCallException e) {
            deleteQuietly(dir);
            return null;
        }
    }

    /** Pins {@code link}, so destroying it next only closes an fd; false if it could not be pinned. */
    boolean pin(MemorySegment link) {
        Path pin = mount.resolve("link-" + pins.size());
        if (!Libbpf.bpf_link__pin(link, arena.allocateFrom(pin.toString()))) {
            return false;
        }
        pins.add(pin);
        return true;
    }

    /** Removes the pins (the kernel releases the links on a worker) and the private file system. */
    @Override
    public void close() {
        try {
            pins.forEach(DeferredLinkRelease::deleteQuietly);
            Libc.umountLazily(mount.toString());
            deleteQuietly(mount);
        } finally {
            arena.close();
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover pin or empty directory in the temp dir is harmless; the links are released either way
        }
    }
}
