package dev.tracekit.fleet;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.testdata.FutureVersionWriter;
import dev.tracekit.testdata.Ia32Recording;
import dev.tracekit.testdata.ServiceSyscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;

/**
 * Fleet-shaped inputs made from the fixture recordings: each host's files copied under a directory name
 * that says nothing about the host, so only the headers can tell hosts apart.
 */
public final class FleetTrees {
    private FleetTrees() {
    }

    public static Path fixtures() {
        String property = System.getProperty("tracekit.testdata");
        return Path.of(property != null ? property : "../testdata/fixtures").toAbsolutePath().normalize();
    }

    /**
     * web-1 (x86_64, counts with latency and events, losses), db-1 (aarch64, counts without latency) and
     * idle-1 (header-only files), under {@code root/rack-a/node-1..3}.
     */
    public static Path mixed(Path root) {
        copy(fixtures().resolve("x86_64-web1"), root.resolve("rack-a/node-1"), name -> true);
        copy(fixtures().resolve("aarch64-db1"), root.resolve("rack-a/node-2"), name -> true);
        copy(fixtures().resolve("empty"), root.resolve("rack-b/node-3"), name -> true);
        // procs only, and no syscall stream at all: a recording made with --events procs
        copy(fixtures().resolve("x86_64-ci1-v1.1"), root.resolve("rack-b/node-4"),
                name -> true);
        return root;
    }

    /** web-1 without its in-kernel counts, so its syscall figures come from per-event records; and db-1. */
    public static Path eventsOnly(Path root) {
        copy(fixtures().resolve("x86_64-web1"), root.resolve("node-1"), name -> !name.startsWith("syscall-counts-"));
        copy(fixtures().resolve("aarch64-db1"), root.resolve("node-2"), name -> true);
        return root;
    }

    /**
     * web-1 rewritten as a later minor schema version would write it (FutureVersionWriter: fields added and
     * reordered, enum symbols added, promotions), db-1 as the current version's fixture and dev-1's full paths.
     */
    public static Path laterVersions(Path root) {
        try {
            FutureVersionWriter.rewrite(fixtures().resolve("x86_64-web1"), root.resolve("node-1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy(fixtures().resolve("aarch64-db1-v" + RecordingMeta.CURRENT_SCHEMA_VERSION), root.resolve("node-2"),
                name -> true);
        // relative opens with the full paths 1.2 records: the fleet must go by them as the analyzer does
        copy(fixtures().resolve("x86_64-dev1-v1.2"), root.resolve("node-3"), name -> true);
        return root;
    }

    /** An x86_64 host whose process made ia32 calls (testdata's Ia32Recording), beside db-1. */
    public static Path ia32(Path root) {
        try {
            Ia32Recording.write(root.resolve("node-1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy(fixtures().resolve("aarch64-db1"), root.resolve("node-2"), name -> true);
        return root;
    }

    /**
     * app-1 (process snapshots, procs, opens, kills) with syscall figures of its processes added
     * ({@link ServiceSyscalls}). With {@code counts} a counts file (each
     * row in its process's cgroup) and an events file beside it that must not count, as web-1 without its counts
     * beside it makes a run read both families; else an events file alone, whose rows carry cgroups of their own.
     */
    public static Path withProcessContext(Path root, boolean counts) {
        Path app = root.resolve("node-1");
        copy(fixtures().resolve("x86_64-app1-v1.1"), app, name -> true);
        try {
            ServiceSyscalls.write(app, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (counts) {
            copy(fixtures().resolve("x86_64-web1"), root.resolve("node-2"), name -> !name.startsWith("syscall-counts-"));
        }
        return root;
    }

    /** app-1 as 1.3 writes it: a container started while recording, named by its CGROUP_MKDIR record only. */
    public static Path appWithNewContainer(Path root) {
        copy(fixtures().resolve("x86_64-app1-v1.3"), root.resolve("node-1"), name -> true);
        return root;
    }

    /** crash-1's opens file cut inside its tenth block, as a crashed recorder leaves it: 900 opens readable. */
    public static Path damaged(Path root) {
        copy(fixtures().resolve("truncated"), root.resolve("node-9"), name -> true);
        return root;
    }

    /**
     * web-1 beside two twins of it whose records are web-1's own: web-0 with the same boot time (every record ties
     * with web-1's, and the merge must give the tie to the recording first in the catalog) and web-2 booted
     * {@code shiftNs} later by its header (its TIME column moves; its records are merged by the clock samples of its
     * intervals, as the analyzer merges them). Opens, kills and per-event syscalls only, so replays across hosts interleave.
     */
    public static Path twins(Path root, long shiftNs) {
        Predicate<String> replayed = name -> name.startsWith("opens-") || name.startsWith("syscall-events-")
                || name.startsWith("kills-") || name.startsWith("intervals-");
        copy(fixtures().resolve("x86_64-web1"), root.resolve("a"), replayed);
        rehost(fixtures().resolve("x86_64-web1"), root.resolve("b"), replayed, "web-0",
                "00000000-5eed-0000-ffff-00000000000a", 0);
        rehost(fixtures().resolve("x86_64-web1"), root.resolve("c"), replayed, "web-2",
                "00000000-5eed-0000-ffff-00000000000c", shiftNs);
        return root;
    }

    /** The files as another host's recording: header facts changed, records and codec as they were. */
    private static void rehost(Path from, Path to, Predicate<String> names, String host, String recordingId,
            long bootShiftNs) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(f -> names.test(f.getFileName().toString())).toList()) {
                try (DataFileStream<Object> in = new DataFileStream<>(Files.newInputStream(file), new GenericDatumReader<>());
                        DataFileWriter<Object> out = new DataFileWriter<>(new GenericDatumWriter<>(in.getSchema()))) {
                    for (String key : in.getMetaKeys()) {
                        if (!key.startsWith("avro.")) {
                            out.setMeta(key, in.getMeta(key));
                        }
                    }
                    out.setMeta(RecordingMeta.KEY_HOSTNAME, host);
                    out.setMeta(RecordingMeta.KEY_RECORDING_ID, recordingId);
                    long boot = Long.parseLong(in.getMetaString(RecordingMeta.KEY_BOOT_TIME));
                    out.setMeta(RecordingMeta.KEY_BOOT_TIME, Long.toString(boot + bootShiftNs));
                    String codec = in.getMetaString("avro.codec");
                    out.setCodec(CodecFactory.fromString(codec == null ? "null" : codec));
                    out.create(in.getSchema(), Files.newOutputStream(to.resolve(file.getFileName())));
                    for (Object record : in) {
                        out.append(record);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to, Predicate<String> names) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(f -> names.test(f.getFileName().toString())).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
