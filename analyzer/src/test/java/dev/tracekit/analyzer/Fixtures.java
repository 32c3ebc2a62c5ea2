package dev.tracekit.analyzer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the fixture recordings of testdata/ are: surefire passes the path as {@code tracekit.testdata}. */
public final class Fixtures {
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
