package dev.tracekit.recorder.host;

import dev.tracekit.names.Arch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a recording says about the host it was made on, read from the kernel's own files. */
public record HostFacts(String hostname, String kernelRelease, Arch arch, String bootId) {

    public static HostFacts current() {
        return new HostFacts(
                read("/proc/sys/kernel/hostname"),
                read("/proc/sys/kernel/osrelease"),
                Arch.current(),
                read("/proc/sys/kernel/random/boot_id"));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
