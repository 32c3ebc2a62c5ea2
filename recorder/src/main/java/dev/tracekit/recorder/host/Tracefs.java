package dev.tracekit.recorder.host;

import dev.tracekit.recorder.ffm.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * tracefs, where libbpf looks up tracepoint ids and we check which tracepoints this kernel has. Mounted
 * at /sys/kernel/tracing when missing (we run as root); the older debugfs location is accepted too.
 */
public final class Tracefs {
    private static final Path TRACING = Path.of("/sys/kernel/tracing");
    private static final Path DEBUGFS_TRACING = Path.of("/sys/kernel/debug/tracing");

    private Tracefs() {
    }

    /** The mounted tracefs root, mounting it first if needed. */
    public static Path ensureMounted() {
        if (Files.isDirectory(DEBUGFS_TRACING.resolve("events")) && !Files.isDirectory(TRACING.resolve("events"))) {
            return DEBUGFS_TRACING;
        }
        if (!Files.isDirectory(TRACING.resolve("events"))) {
            Libc.mount("nodev", TRACING.toString(), "tracefs");
        }
        return TRACING;
    }

    /**
     * Whether {@code category:name} exists, e.g. {@code syscalls:sys_enter_openat2}; a bare name (a tp_btf
     * program names no category) in any category.
     */
    public static boolean hasTracepoint(Path root, String tracepoint) {
        String[] parts = tracepoint.split(":", 2);
        Path events = root.resolve("events");
        if (parts.length == 2) {
            return Files.isDirectory(events.resolve(parts[0]).resolve(parts[1]));
        }
        try (Stream<Path> categories = Files.list(events)) {
            return categories.anyMatch(category -> Files.isDirectory(category.resolve(tracepoint)));
        } catch (IOException e) {
            return false;
        }
    }
}
