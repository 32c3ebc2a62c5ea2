package dev.tracekit.recorder.kernel;

import dev.tracekit.recorder.ffm.Libbpf;
import dev.tracekit.recorder.ffm.Libc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The one place that decides whether kernel tests run, skip (with a reason) or fail (TRACEKIT_REQUIRE_BPF=1). */
public final class BpfAvailability implements BeforeAllCallback {
    static final String REQUIRE = "TRACEKIT_REQUIRE_BPF";

    @Override
    public void beforeAll(ExtensionContext context) {
        enforce(missing(), System.getenv(REQUIRE));
    }

    /** Returns when nothing is missing; otherwise skips, or fails when {@code require} is "1". */
    static void enforce(Optional<String> missing, String require) {
        if (missing.isEmpty()) {
            return;
        }
        if ("1".equals(require)) {
            Assertions.fail("kernel tests cannot run: " + missing.get() + " (and " + REQUIRE + "=1 forbids skipping)");
        }
        Assumptions.abort("kernel test skipped: " + missing.get() + " (set " + REQUIRE + "=1 to fail instead)");
    }

    /** Why BPF recording cannot work here, or empty when it can. */
    static Optional<String> missing() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return Optional.of("not Linux");
        }
        if (Libc.geteuid() != 0) {
            return Optional.of("not root");
        }
        if (!Files.isReadable(Path.of("/sys/kernel/btf/vmlinux"))) {
            return Optional.of("kernel has no BTF");
        }
        try {
            if (!Libbpf.libbpf_probe_bpf_map_type(Libbpf.BPF_MAP_TYPE_RINGBUF)) {
                return Optional.of("kernel has no BPF ring buffers");
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("BPF unavailable: " + e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        return Optional.empty();
    }
}
