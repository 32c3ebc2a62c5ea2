package dev.tracekit.recorder.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about a test's child processes, as the kernel shows them. */
final class Processes {
    private Processes() {
    }

    /** The cgroup v2 id of a process: the inode of its directory in the cgroup2 mount. */
    static long cgroupId(int pid) throws IOException {
        String path = Files.readAllLines(Path.of("/proc", Integer.toString(pid), "cgroup")).stream()
                .filter(line -> line.startsWith("0::"))
                .map(line -> line.substring(3))
                .findFirst().orElseThrow(() -> new IOException("process " + pid + " has no cgroup v2 entry"));
        return ((Number) Files.getAttribute(Path.of(cgroup2Mount() + path), "unix:ino")).longValue();
    }

    /** Where the cgroup v2 hierarchy is mounted (/sys/fs/cgroup, or /sys/fs/cgroup/unified on hybrid hosts). */
    static Path cgroup2Mount() throws IOException {
        return Files.readAllLines(Path.of("/proc/mounts")).stream()
                .map(line -> line.split(" "))
                .filter(fields -> fields[2].equals("cgroup2"))
                .map(fields -> Path.of(fields[1]))
                .findFirst().orElseThrow(() -> new IOException("no cgroup2 mount"));
    }
}
