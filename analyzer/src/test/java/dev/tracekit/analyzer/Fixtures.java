package dev.tracekit.analyzer;

import dev.tracekit.testdata.ServiceSyscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Where the fixture recordings of testdata/ are: surefire passes the path as {@code tracekit.testdata}. */
public final class Fixtures {
    /** The copies {@link #appWithSyscalls} made, by whether they have counts: made once per run, deleted at its end. */
    private static final Map<Boolean, Path> APP_WITH_SYSCALLS = new HashMap<>();

    private Fixtures() {
    }

    public static Path root() {
        String property = System.getProperty("tracekit.testdata");
        Path root = property != null ? Path.of(property) : Path.of("../testdata/fixtures");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("fixtures not found at " + root.toAbsolutePath());
        }
        return root.toAbsolutePath().normalize();
    }

    public static Path web() {
        return root().resolve("x86_64-web1");
    }

    public static Path db() {
        return root().resolve("aarch64-db1");
    }

    /** Procs only (schema 1.1): a CI build's execs, forks, exits and a rename. */
    public static Path ci() {
        return root().resolve("x86_64-ci1-v1.1");
    }

    /** Opens only (schema 1.2): relative opens with the full paths the kernel found, and each way that ends. */
    public static Path dev() {
        return root().resolve("x86_64-dev1-v1.2");
    }

    /** Procs, opens and kills with process snapshots (schema 1.1): services of each kind, a restart, a reused pid. */
    public static Path app() {
        return root().resolve("x86_64-app1-v1.1");
    }

    /** The app host written by 1.3, with a container started while recording (its cgroup named by CGROUP_MKDIR). */
    public static Path appWithNewContainer() {
        return root().resolve("x86_64-app1-v1.3");
    }

    /**
     * {@link #app()} with the syscalls of {@link ServiceSyscalls} added (calls of its processes before and after an
     * exec, a fork and a pid's reuse, and of an unknown pid): events, and with {@code counts} counts too, which a
     * verb then reads instead. A copy in a temporary directory, made on first use.
     */
    public static synchronized Path appWithSyscalls(boolean counts) {
        return APP_WITH_SYSCALLS.computeIfAbsent(counts, c -> {
            try {
                Path copy = Files.createTempDirectory("tracekit-app-syscalls");
                try (Stream<Path> files = Files.list(app())) {
                    for (Path file : files.toList()) {
                        Files.copy(file, copy.resolve(file.getFileName()));
                    }
                }
                ServiceSyscalls.write(copy, c);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(copy)));
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    public static Path dbBundle() {
        return root().resolve("bundles/aarch64-db1.tar.zst");
    }

    public static Path truncated() {
        return root().resolve("truncated");
    }

    /**
     * A real recording with procs (testdata/real/make-real-recording.sh procs): a cgroup made while recording, a
     * worker in it that forks, renames, execs and signals a sleeper that dies of it, and every file's snapshot.
     */
    public static Path realProcs() {
        return root().resolve("real-x86_64-procs");
    }

    /** A real recording with kernel-signals: each sent signal has a signal_generate record beside it. */
    public static Path real() {
        return root().resolve("real-x86_64");
    }

    public static Path empty() {
        return root().resolve("empty");
    }
}
