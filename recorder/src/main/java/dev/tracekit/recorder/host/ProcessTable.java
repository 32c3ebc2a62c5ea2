package dev.tracekit.recorder.host;

import dev.tracekit.recorder.ffm.Libc;
import dev.tracekit.schema.CgroupInfo;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the host's processes from /proc and its cgroups from the cgroup2 mount into a {@link ProcessSnapshot}.
 * A process that exits while it is read is left out and counted, never half-filled; reading never fails for
 * what a process does meanwhile.
 */
public final class ProcessTable {
    /** Bytes of each command line kept, as execsnoop-style tools bound argv. */
    public static final int CMDLINE_LIMIT = 4096;
    /** Clock ticks per second of /proc/PID/stat's starttime: USER_HZ, 100 on every architecture Linux runs. */
    private static final long USER_HZ = 100;
    /** The host's (init) pid namespace: /proc/self/ns/pid of a process outside any container. */
    private static final String INIT_PID_NAMESPACE = "pid:[4026531836]";

    private final Path proc;
    private final Optional<Path> cgroupRoot;

    /** @param cgroupRoot the cgroup2 mount, empty without cgroup v2 */
    public ProcessTable(Path proc, Optional<Path> cgroupRoot) {
        this.proc = proc;
        this.cgroupRoot = cgroupRoot;
    }

    /** The host's: /proc and the cgroup2 mount /proc/self/mountinfo names. */
    public static ProcessTable host() {
        return new ProcessTable(Path.of("/proc"), cgroup2Mount(Path.of("/proc/self/mountinfo")));
    }

    /** The first cgroup2 mount point in a mountinfo file (field 5; the fs type follows the " - " separator). */
    static Optional<Path> cgroup2Mount(Path mountinfo) {
        try (Stream<String> lines = Files.lines(mountinfo)) {
            return lines.map(line -> line.split(" "))
                    .filter(f -> f.length > 4 && Arrays.asList(f).indexOf("-") > 0
                            && "cgroup2".equals(f[Arrays.asList(f).indexOf("-") + 1]))
                    .map(f -> Path.of(f[4].replace("\\040", " ")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads every process and cgroup now; {@code takenNs} is the boot-clock time stamped on the snapshot. */
    public ProcessSnapshot read(long takenNs) {
        Map<String, Long> cgroupIds = new HashMap<>();
        List<CgroupInfo> cgroups = readCgroups(cgroupIds);
        List<ProcessInfo> processes = new ArrayList<>();
        int gone = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : entries) {
                Optional<ProcessInfo> process = readProcess(dir, cgroupIds);
                if (process.isPresent()) {
                    processes.add(process.get());
                } else {
                    gone++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + proc, e);
        }
        processes.sort((a, b) -> Integer.compare(a.getPid(), b.getPid()));
        return new ProcessSnapshot(takenNs, processes, gone, CMDLINE_LIMIT, cgroups, inHostPidNamespace());
    }

    /** False when the recorder runs in a container's pid namespace, where /proc's pids are not the events' pids. */
    public boolean inHostPidNamespace() {
        byte[] namespace = Libc.readlink(proc.resolve("self/ns/pid").toString());
        return namespace == null || INIT_PID_NAMESPACE.equals(new String(namespace, StandardCharsets.UTF_8));
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Empty when the process went away while its files were read. */
    private Optional<ProcessInfo> readProcess(Path dir, Map<String, Long> cgroupIds) {
        try {
            String stat = new String(Files.readAllBytes(dir.resolve("stat")), StandardCharsets.ISO_8859_1);
            // comm may hold spaces and parentheses: the fields after it start after the last ')'
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int ppid = Integer.parseInt(after[1]);
            long startTicks = Long.parseLong(after[19]);
            byte[] comm = Files.readAllBytes(dir.resolve("comm"));
            int commLength = comm.length > 0 && comm[comm.length - 1] == '\n' ? comm.length - 1 : comm.length;
            byte[] cmdline = readBounded(dir.resolve("cmdline"), CMDLINE_LIMIT + 1);
            boolean truncated = cmdline.length > CMDLINE_LIMIT;
            byte[] exe = Libc.readlink(dir.resolve("exe").toString());
            return Optional.of(new ProcessInfo(Integer.parseInt(dir.getFileName().toString()), ppid,
                    startTicks * (1_000_000_000L / USER_HZ), realUid(dir.resolve("status")),
                    ByteBuffer.wrap(comm, 0, commLength).slice(), exe == null ? null : ByteBuffer.wrap(exe),
                    ByteBuffer.wrap(cmdline, 0, Math.min(cmdline.length, CMDLINE_LIMIT)).slice(), truncated,
                    cgroupId(dir.resolve("cgroup"), cgroupIds)));
        } catch (IOException | RuntimeException e) {
            // ENOENT or ESRCH: it exited or is being reaped meanwhile. A file that does not parse is counted alike:
            // the snapshot keeps whole processes only.
            return Optional.empty();
        }
    }

    private static long realUid(Path status) throws IOException {
        for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
            }
        }
        throw new IOException(status + " has no Uid line");
    }

    private static byte[] readBounded(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }

    /** The id of the cgroup v2 path in /proc/PID/cgroup's "0::" line; 0 when there is none or it is unknown. */
    private static long cgroupId(Path cgroupFile, Map<String, Long> cgroupIds) throws IOException {
        for (String line : Files.readAllLines(cgroupFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("0::")) {
                return cgroupIds.getOrDefault(line.substring(3), 0L);
            }
        }
        return 0;
    }

    private List<CgroupInfo> readCgroups(Map<String, Long> ids) {
        List<CgroupInfo> cgroups = new ArrayList<>();
        if (cgroupRoot.isEmpty()) {
            return cgroups;
        }
        Path root = cgroupRoot.get();
        try (Stream<Path> dirs = Files.walk(root)) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                String path = "/" + root.relativize(dir);
                try {
                    long id = ((Number) Files.getAttribute(dir, "unix:ino")).longValue();
                    ids.put(path, id);
                    cgroups.add(new CgroupInfo(id, ByteBuffer.wrap(path.getBytes(StandardCharsets.UTF_8))));
                } catch (IOException e) {
                    // removed while walking: it no longer exists for anything to run in
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a cgroup removed under the walk ends it early; what was read stays
        }
        return cgroups;
    }
}
