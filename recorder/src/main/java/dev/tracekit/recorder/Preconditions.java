package dev.tracekit.recorder;

import dev.tracekit.recorder.ffm.Libbpf;
import dev.tracekit.recorder.ffm.Libc;
import dev.tracekit.recorder.ffm.NativeCallException;
import dev.tracekit.recorder.host.Tracefs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the host must offer before anything is loaded: root, libbpf, BTF, BPF with ring buffers, tracefs.
 * Each missing piece is one clear line and exit code 2.
 */
final class Preconditions {
    private static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private Preconditions() {
    }

    /** @return the tracefs root, mounted if it was not */
    static Path check() {
        if (!System.getProperty("os.name").equals("Linux")) {
            throw unmet("recording needs Linux (eBPF); this is " + System.getProperty("os.name"));
        }
        if (Libc.geteuid() != 0) {
            throw unmet("must run as root: recording loads BPF programs (try sudo)");
        }
        try {
            Class.forName(Libbpf.class.getName());
        } catch (ClassNotFoundException | ExceptionInInitializerError | NoClassDefFoundError | IllegalArgumentException e) {
            // NoClassDefFoundError: the initialisation failed before, on RecordCommand's preload thread
            throw unmet("libbpf.so.1 is not installed (Debian/Ubuntu: apt-get install libbpf1)");
        }
        if (!Files.isReadable(VMLINUX_BTF)) {
            throw unmet("kernel has no BTF (" + VMLINUX_BTF + " missing): needs CONFIG_DEBUG_INFO_BTF=y");
        }
        try {
            if (!Libbpf.libbpf_probe_bpf_map_type(Libbpf.BPF_MAP_TYPE_RINGBUF)) {
                throw unmet("kernel has no BPF ring buffers (Linux 5.8 or newer is needed)");
            }
        } catch (NativeCallException e) {
            throw unmet("BPF is not available: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return Tracefs.ensureMounted();
        } catch (NativeCallException e) {
            throw unmet("tracefs is not mounted and mounting it failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static RecorderException unmet(String message) {
        return new RecorderException(RecorderException.USAGE, message);
    }
}
