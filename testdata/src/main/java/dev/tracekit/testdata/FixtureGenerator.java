package dev.tracekit.testdata;

import dev.tracekit.names.Arch;
import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.SchemaHistory;
import dev.tracekit.recording.SchemaVersion;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * Writes the synthetic fixture recordings of testdata/fixtures (see its README.md). Deterministic: the same
 * build writes byte-identical files, which FixturesAreReproducibleTest checks against the committed ones.
 *
 * <p>Run: {@code mvn -q -pl testdata -am package && java -cp ... dev.tracekit.testdata.FixtureGenerator DIR},
 * or {@code testdata/regenerate.sh}.
 */
public final class FixtureGenerator {
    /** 2026-11-02T08:00:00Z: the web host booted then. */
    private static final long WEB_BOOT_WALL_NS = 1_793_606_400_000_000_000L;
    /** 2026-10-28T21:30:00Z: the database host booted earlier. */
    private static final long DB_BOOT_WALL_NS = 1_793_223_000_000_000_000L;
    private static final List<String> COMMON_SYSCALLS = List.of("read", "write", "openat", "close", "futex",
            "epoll_pwait", "mmap", "getpid", "recvfrom", "sendto", "newfstatat", "clock_gettime", "nanosleep",
            "kill", "ioctl", "ppoll");
    private static final List<String> PATHS = List.of("/etc/passwd", "/etc/hosts", "/etc/resolv.conf",
            "/etc/nginx/nginx.conf", "/var/log/nginx/access.log", "/var/lib/postgresql/16/main/base/16384/2619",
            "/proc/self/stat", "/proc/meminfo", "/sys/fs/cgroup/cpu.max", "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "/home/ana/.bashrc", "/tmp/app.lock", "/dev/null", "/srv/www/index.html", "/etc/ld.so.cache");

    /**
     * The version today's fixtures were written with, kept so they stay byte for byte what recordings of
     * that version hold; each later version adds a fixture of its own (schema/README.md).
     */
    private static final SchemaVersion V1 = SchemaHistory.RELEASED.getFirst();
    /** The version procs came with: its fixtures stay as 1.1 wrote them, as version 1's do. */
    private static final SchemaVersion V1_1 = new SchemaVersion(1, 1);
    /** The version full paths and ia32 calls came with: its fixtures stay as 1.2 wrote them. */
    private static final SchemaVersion V1_2 = new SchemaVersion(1, 2);
    private static final SchemaVersion CURRENT = RecordingMeta.CURRENT_SCHEMA_VERSION;

    private FixtureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FixtureGenerator OUTPUT_DIR");
            System.exit(2);
        }
        writeAll(Path.of(args[0]));
    }

    /** Writes every synthetic fixture under {@code root}. */
    public static void writeAll(Path root) throws IOException {
        Files.createDirectories(root);
        webHost(root.resolve("x86_64-web1"));
        databaseHost(root.resolve("aarch64-db1"), V1);
        databaseHost(root.resolve("aarch64-db1-v" + V1_1), V1_1);
        databaseHost(root.resolve("aarch64-db1-v" + V1_2), V1_2);
        databaseHost(root.resolve("aarch64-db1-v" + CURRENT), CURRENT);
        ciHost(root.resolve("x86_64-ci1-v" + V1_1), V1_1);
        ciHost(root.resolve("x86_64-ci1-v" + V1_2), V1_2);
        ciHost(root.resolve("x86_64-ci1-v" + CURRENT), CURRENT);
        devHost(root.resolve("x86_64-dev1-v" + V1_2));
        appHost(root.resolve("x86_64-app1-v" + V1_1), V1_1);
        appHost(root.resolve("x86_64-app1-v" + CURRENT), CURRENT);
        idleHost(root.resolve("empty"));
        crashedHost(root.resolve("truncated"));
        bundle(root.resolve("aarch64-db1"), root.resolve("bundles/aarch64-db1.tar.zst"));
    }

    /**
     * The codec recorders of {@code version} wrote: version 1's zstd frames carried no checksum (CodecSpec
     * promised one and wrote none until 1.1), and its fixtures stay byte for byte what those recorders made.
     */
    private static CodecFactory zstd(SchemaVersion version) {
        return version.equals(V1) ? CodecFactory.zstandardCodec(1, false, true) : CodecSpec.parse(CodecSpec.DEFAULT);
    }

    /** x86_64, every family, latency recorded, drops in two intervals, and every edge case the analyzer must survive. */
    static void webHost(Path dir) throws IOException {
        SyntheticHost host = new SyntheticHost("web-1", Arch.X86_64, "6.1.0-27-amd64", WEB_BOOT_WALL_NS,
                3_600_000_000_000L, 0x5EED_0001L);
        List<SyntheticProcess> processes = List.of(
                process(1, "systemd", 0, 1),
                process(812, "sshd", 0, 2),
                process(1203, "nginx", 33, 3, 1204, 1205),
                process(1502, "postgres", 105, 4),
                process(2201, "bash", 1000, 5),
                process(2350, "java", 1001, 6, 2351, 2352, 2353, 2354),
                process(3001, "cron", 0, 2),
                new SyntheticProcess(4100, new byte[] {(byte) 0xff, (byte) 0xfe, 'b', 'a', 'd'}, 1000, 1000, 7,
                        List.of(4100)),
                process(4200, "\u001b[31mred\u001b[0m", 1000, 7),
                process(4300, "<b>x</b>", 1000, 7));
        SyntheticEvents events = new SyntheticEvents(host, processes, 10);

        List<SyscallEvent> syscallEvents = events.syscallEvents(20_000, COMMON_SYSCALLS);
        List<SyscallCount> counts = events.countsOf(syscallEvents, true);
        List<OpenEvent> opens = events.opens(6_000, PATHS, true);
        opens.addAll(edgeCaseOpens(events, processes));
        opens.sort(Comparator.comparingLong(e -> e.getHeader().getTsNs()));
        List<KillEvent> kills = webKills(events, processes);

        Map<Integer, List<Drop>> drops = Map.of(
                4, List.of(new Drop(Family.OPENS, 1, 7L), new Drop(Family.KILLS, 0, 2L)),
                7, List.of(new Drop(Family.SYSCALL_EVENTS, 0, 120L)));
        Map<Family, List<Long>> written = new LinkedHashMap<>();
        written.put(Family.SYSCALL_COUNTS, counts.stream().map(SyscallCount::getIntervalStartNs).toList());
        written.put(Family.SYSCALL_EVENTS, syscallEvents.stream().map(e -> e.getHeader().getTsNs()).toList());
        written.put(Family.OPENS, opens.stream().map(e -> e.getHeader().getTsNs()).toList());
        written.put(Family.KILLS, kills.stream().map(e -> e.getHeader().getTsNs()).toList());

        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(V1, "tracekit record --events syscalls,syscall-events,opens,kills --latency -o /var/tmp/web-1",
                        "{\"events\":[\"syscalls\",\"syscall-events\",\"opens\",\"kills\"],\"latency\":true}"),
                zstd(V1), 4_000, 500);
        writer.write(RecordingStream.SYSCALL_EVENTS, syscallEvents);
        writer.write(RecordingStream.SYSCALL_COUNTS, counts);
        writer.write(RecordingStream.OPENS, opens);
        writer.write(RecordingStream.KILLS, kills);
        writer.write(RecordingStream.INTERVALS, events.intervalStats(written, drops));
    }

    private static List<OpenEvent> edgeCaseOpens(SyntheticEvents events, List<SyntheticProcess> processes) {
        SyntheticProcess bash = processes.get(4);
        SyntheticProcess java = processes.get(5);
        int cwd = SyntheticEvents.AT_FDCWD;
        List<OpenEvent> opens = new ArrayList<>();
        opens.add(events.open(bash, events.timeIn(1), OpenSyscall.OPENAT, cwd, utf8("/etc/missing.conf"),
                false, 0, 0, 0, -2));
        opens.add(events.open(bash, events.timeIn(1), OpenSyscall.OPENAT, cwd, utf8("/root/.ssh/id_rsa"),
                false, 0, 0, 0, -13));
        opens.add(events.open(java, events.timeIn(2), OpenSyscall.OPENAT, cwd, utf8("/etc/passwd/x"),
                false, 0, 0, 0, -20));
        opens.add(events.open(java, events.timeIn(2), OpenSyscall.OPENAT, cwd, utf8("/var/log/app.log"),
                false, 01 | 02000 | 0100, 0640, 0, -24));
        opens.add(events.open(java, events.timeIn(3), OpenSyscall.OPENAT2, 5, utf8("conf/app.yaml"),
                false, 02000000, 0, 0x08, 7));
        opens.add(events.open(bash, events.timeIn(3), OpenSyscall.CREAT, cwd, utf8("/home/ana/notes.txt"),
                false, 01 | 0100 | 01000, 0600, 0, 4));
        opens.add(events.open(java, events.timeIn(3), OpenSyscall.OPENAT, cwd, utf8("/tmp"),
                false, 02 | 020000000 | 0200000, 0600, 0, 9));
        opens.add(events.open(bash, events.timeIn(5), OpenSyscall.OPENAT, cwd, longPath(4095), false, 0, 0, 0, -2));
        opens.add(events.open(bash, events.timeIn(5), OpenSyscall.OPENAT, cwd, longPath(1024), true, 0, 0, 0, -36));
        opens.add(events.open(processes.get(7), events.timeIn(6), OpenSyscall.OPENAT, cwd,
                new byte[] {'/', 't', 'm', 'p', '/', (byte) 0xff, (byte) 0xfe, (byte) 0x80, 'b', 'a', 'd'},
                false, 0, 0, 0, 5));
        opens.add(events.open(processes.get(8), events.timeIn(6), OpenSyscall.OPENAT, cwd,
                utf8("/tmp/evil\nname"), false, 0, 0, 0, 6));
        opens.add(events.open(processes.get(8), events.timeIn(6), OpenSyscall.OPENAT, cwd,
                utf8("/tmp/\u001b]0;pwned\u0007\u001b[2J"), false, 0, 0, 0, 7));
        opens.add(events.open(processes.get(9), events.timeIn(8), OpenSyscall.OPENAT, cwd,
                utf8("/srv/<script>alert(\"x\")</script>'q'&.html"), false, 0, 0, 0, -2));
        return opens;
    }

    private static List<KillEvent> webKills(SyntheticEvents events, List<SyntheticProcess> processes) {
        SyntheticProcess systemd = processes.get(0);
        SyntheticProcess nginx = processes.get(2);
        SyntheticProcess bash = processes.get(4);
        SyntheticProcess java = processes.get(5);
        List<KillEvent> kills = new ArrayList<>();
        for (int signal = 0; signal <= 64; signal++) {
            kills.add(events.kill(bash, events.timeIn(signal % 10), KillSyscall.KILL, nginx.pid(), 0, signal, 0));
        }
        for (int i = 0; i < 1_500; i++) {
            kills.add(events.kill(systemd, events.randomTime(), KillSyscall.KILL, 2350, 0, 0, 0));
        }
        kills.add(events.kill(java, events.timeIn(2), KillSyscall.TKILL, 2353, 2353, 10, 0));
        kills.add(events.kill(java, events.timeIn(2), KillSyscall.TGKILL, 2350, 2354, 3, 0));
        kills.add(events.kill(java, events.timeIn(3), KillSyscall.RT_SIGQUEUEINFO, 1203, 0, 34, 0));
        kills.add(events.kill(java, events.timeIn(3), KillSyscall.RT_TGSIGQUEUEINFO, 1203, 1204, 35, 0));
        kills.add(events.kill(bash, events.timeIn(4), KillSyscall.KILL, 99_999, 0, 15, -3));
        kills.add(events.kill(bash, events.timeIn(4), KillSyscall.KILL, 1, 0, 9, -1));
        kills.add(events.kill(systemd, events.timeIn(5), KillSyscall.KILL, -1203, 0, 1, 0));
        kills.add(events.kill(processes.get(7), events.timeIn(6), KillSyscall.SIGNAL_GENERATE, 4100, 4100, 11, 0));
        kills.add(events.kill(nginx, events.timeIn(7), KillSyscall.SIGNAL_GENERATE, 1203, 1205, 13, 0));
        kills.add(events.kill(processes.get(6), events.timeIn(9), KillSyscall.SIGNAL_GENERATE, 2201, 2201, 17, 0));
        kills.sort(Comparator.comparingLong(e -> e.getHeader().getTsNs()));
        return kills;
    }

    /** aarch64, counts without latency, opens and kills, no drops: decoded with aarch64's own tables. */
    static void databaseHost(Path dir, SchemaVersion version) throws IOException {
        SyntheticHost host = new SyntheticHost("db-1", Arch.AARCH64, "6.8.0-1012-aws", DB_BOOT_WALL_NS,
                349_200_000_000_000L, 0x5EED_0002L);
        List<SyntheticProcess> processes = List.of(
                process(1, "systemd", 0, 1),
                process(700, "postgres", 105, 4, 701, 702),
                process(900, "pgbouncer", 106, 4),
                process(1500, "bash", 1000, 5));
        SyntheticEvents events = new SyntheticEvents(host, processes, 5);
        List<SyscallCount> counts = events.counts(COMMON_SYSCALLS, 5_000);
        List<OpenEvent> opens = events.opens(800, List.of("/var/lib/postgresql/16/main/PG_VERSION",
                "/etc/pgbouncer/pgbouncer.ini", "/proc/self/stat", "/etc/hosts"), false);
        opens.add(events.open(processes.get(1), events.timeIn(2), OpenSyscall.OPENAT, SyntheticEvents.AT_FDCWD,
                utf8("/var/lib/postgresql/16/main/base"), false, 040000 | 02000000, 0, 0, 11));
        opens.sort(Comparator.comparingLong(e -> e.getHeader().getTsNs()));
        List<KillEvent> kills = new ArrayList<>();
        kills.add(events.kill(processes.get(3), events.timeIn(1), KillSyscall.KILL, 700, 0, 1, 0));
        kills.add(events.kill(processes.get(1), events.timeIn(3), KillSyscall.KILL, 900, 0, 15, 0));
        kills.add(events.kill(processes.get(0), events.timeIn(4), KillSyscall.KILL, 900, 0, 9, -3));

        Map<Family, List<Long>> written = new LinkedHashMap<>();
        written.put(Family.SYSCALL_COUNTS, counts.stream().map(SyscallCount::getIntervalStartNs).toList());
        written.put(Family.OPENS, opens.stream().map(e -> e.getHeader().getTsNs()).toList());
        written.put(Family.KILLS, kills.stream().map(e -> e.getHeader().getTsNs()).toList());
        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(version, "tracekit record -o /var/tmp/db-1", "{\"events\":[\"syscalls\",\"opens\",\"kills\"]}"),
                zstd(version), 100_000, 1_000);
        writer.write(RecordingStream.SYSCALL_COUNTS, counts);
        writer.write(RecordingStream.OPENS, opens);
        writer.write(RecordingStream.KILLS, kills);
        writer.write(RecordingStream.INTERVALS, events.intervalStats(written, Map.of()));
    }

    /** x86_64, procs only: a CI build's execs, forks, exits and a rename over 4 intervals, 3 procs lost in the third. */
    static void ciHost(Path dir, SchemaVersion version) throws IOException {
        SyntheticHost host = new SyntheticHost("ci-1", Arch.X86_64, "6.12.0-1-amd64", WEB_BOOT_WALL_NS,
                7_200_000_000_000L, 0x5EED_0004L);
        List<ProcEvent> procs = ProcScenario.ciBuild(host.startBootNs());
        SyntheticEvents events = new SyntheticEvents(host, List.of(), 4);
        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(version, "tracekit record --events procs -o /var/tmp/ci-1",
                        "{\"events\":[\"procs\"]}"), zstd(version), 100_000, 1_000);
        writer.write(RecordingStream.PROCS, procs);
        writer.write(RecordingStream.INTERVALS, events.intervalStats(
                Map.of(Family.PROCS, procs.stream().map(e -> e.getHeader().getTsNs()).toList()),
                Map.of(2, List.of(new Drop(Family.PROCS, 1, 3L)))));
    }

    /**
     * x86_64, opens only, schema 1.2: relative opens with the directory the kernel found for each (through the
     * cwd, a dirfd, a "..", openat2), and every way finding it can end (absolute, cut, failed, empty).
     */
    static void devHost(Path dir) throws IOException {
        SyntheticHost host = new SyntheticHost("dev-1", Arch.X86_64, "6.12.0-1-amd64", WEB_BOOT_WALL_NS,
                10_800_000_000_000L, 0x5EED_0005L);
        SyntheticProcess make = process(5100, "make", 1000, 8);
        SyntheticProcess cat = process(5200, "cat", 1000, 8);
        SyntheticEvents events = new SyntheticEvents(host, List.of(make, cat), 2);
        int cwd = SyntheticEvents.AT_FDCWD;
        List<OpenEvent> opens = new ArrayList<>();
        opens.add(events.open(make, events.timeIn(0), OpenSyscall.OPENAT, cwd, utf8("/etc/shop/secrets.yaml"),
                false, 0, 0, 0, -2));
        opens.add(resolved(events.open(make, events.timeIn(0), OpenSyscall.OPENAT, cwd, utf8("rel-a.txt"),
                false, 0, 0, 0, 3), "/home/ana/shop/rel-a.txt", FullPathStatus.RESOLVED));
        opens.add(resolved(events.open(cat, events.timeIn(0), OpenSyscall.OPENAT, 3, utf8("shadow"),
                false, 0, 0, 0, -13), "/etc/shadow", FullPathStatus.RESOLVED));
        opens.add(resolved(events.open(make, events.timeIn(1), OpenSyscall.OPENAT, cwd, utf8("../shared/lib.conf"),
                false, 0, 0, 0, 4), "/home/ana/shop/../shared/lib.conf", FullPathStatus.RESOLVED));
        opens.add(resolved(events.open(make, events.timeIn(1), OpenSyscall.OPENAT2, 5, utf8("conf/app.yaml"),
                false, 02000000, 0, 0x08, 6), "/srv/app/conf/app.yaml", FullPathStatus.RESOLVED));
        opens.add(resolved(events.open(make, events.timeIn(1), OpenSyscall.OPENAT, cwd, utf8("deep.txt"),
                false, 0, 0, 0, -2), "d/".repeat(64) + "deep.txt", FullPathStatus.TOO_DEEP));
        opens.add(resolved(events.open(cat, events.timeIn(1), OpenSyscall.OPENAT, 999, utf8("orphan.txt"),
                false, 0, 0, 0, -9), null, FullPathStatus.FAILED));
        opens.add(resolved(events.open(cat, events.timeIn(1), OpenSyscall.OPENAT, cwd, new byte[0],
                false, 0, 0, 0, -2), null, FullPathStatus.EMPTY));
        opens.sort(Comparator.comparingLong(e -> e.getHeader().getTsNs()));
        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(V1_2, "tracekit record --events opens -o /var/tmp/dev-1",
                        "{\"events\":[\"opens\"]}"), zstd(V1_2), 100_000, 1_000);
        writer.write(RecordingStream.OPENS, opens);
        writer.write(RecordingStream.INTERVALS, events.intervalStats(
                Map.of(Family.OPENS, opens.stream().map(e -> e.getHeader().getTsNs()).toList()), Map.of()));
    }

    private static OpenEvent resolved(OpenEvent open, String fullPath, FullPathStatus status) {
        open.setFullPath(fullPath == null ? null : ByteBuffer.wrap(utf8(fullPath)));
        open.setFullPathStatus(status);
        return open;
    }

    /**
     * x86_64, procs, opens and kills with a process snapshot in every file: services of each kind a cgroup path
     * names, a restart, a reused pid ({@link ServiceScenario}); from 1.3 on also a container started while
     * recording, whose cgroup only its CGROUP_MKDIR record names.
     */
    static void appHost(Path dir, SchemaVersion version) throws IOException {
        SyntheticHost host = new SyntheticHost("app-1", Arch.X86_64, "6.12.0-1-amd64", WEB_BOOT_WALL_NS,
                86_400_000_000_000L, 0x5EED_0005L);
        ServiceScenario scenario = new ServiceScenario(host.startBootNs(), !version.equals(V1_1));
        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(version, "tracekit record --events procs,opens,kills -o /var/tmp/app-1",
                        "{\"events\":[\"procs\",\"opens\",\"kills\"]}"), zstd(version),
                100_000, 1_000, Map.of(RecordingMeta.KEY_PROCESS_SNAPSHOT, scenario.snapshot));
        writer.write(RecordingStream.PROCS, scenario.procs);
        writer.write(RecordingStream.OPENS, scenario.opens);
        writer.write(RecordingStream.KILLS, scenario.kills);
        Map<Family, List<Long>> written = new LinkedHashMap<>();
        written.put(Family.PROCS, scenario.procs.stream().map(e -> e.getHeader().getTsNs()).toList());
        written.put(Family.OPENS, scenario.opens.stream().map(e -> e.getHeader().getTsNs()).toList());
        written.put(Family.KILLS, scenario.kills.stream().map(e -> e.getHeader().getTsNs()).toList());
        writer.write(RecordingStream.INTERVALS, new SyntheticEvents(host, List.of(), 3).intervalStats(written, Map.of()));
    }

    /** A recording that saw nothing: every stream has one file with a header and no records. */
    static void idleHost(Path dir) throws IOException {
        SyntheticHost host = new SyntheticHost("idle-1", Arch.X86_64, "6.12.0-1-amd64", WEB_BOOT_WALL_NS,
                60_000_000_000L, 0x5EED_0003L);
        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(V1, "tracekit record -p 424242 -o /var/tmp/idle", "{\"pids\":[424242]}"), zstd(V1), 1, 1);
        writer.write(RecordingStream.SYSCALL_COUNTS, List.of());
        writer.write(RecordingStream.OPENS, List.of());
        writer.write(RecordingStream.KILLS, List.of());
        writer.write(RecordingStream.INTERVALS, new SyntheticEvents(host, List.of(), 2)
                .intervalStats(Map.of(), Map.of()));
    }

    /**
     * A host that crashed mid-write: 1,000 opens in ten blocks of 100, the file cut 40 bytes before its end,
     * inside the last block. A reader recovers the first 900 and warns.
     */
    static void crashedHost(Path dir) throws IOException {
        SyntheticHost host = new SyntheticHost("crash-1", Arch.X86_64, "6.1.0-27-amd64", WEB_BOOT_WALL_NS,
                7_200_000_000_000L, 0x5EED_0004L);
        List<SyntheticProcess> processes = List.of(process(3333, "worker", 1000, 9));
        SyntheticEvents events = new SyntheticEvents(host, processes, 3);
        List<OpenEvent> opens = events.opens(1_000, PATHS, false);
        opens.sort(Comparator.comparingLong(e -> e.getHeader().getTsNs()));
        SyntheticRecordingWriter writer = new SyntheticRecordingWriter(dir, host,
                host.meta(V1, "tracekit record --events opens -o /var/tmp/crash", "{\"events\":[\"opens\"]}"),
                zstd(V1), 10_000, 100);
        writer.write(RecordingStream.OPENS, opens);
        Path file = dir.resolve(RecordingStream.OPENS.fileName(1));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 40);
        }
    }

    /** A recording packed as the recorder's --bundle does, with fixed entry times so the bytes are reproducible. */
    static void bundle(Path recording, Path bundle) throws IOException {
        Files.createDirectories(bundle.getParent());
        List<Path> files;
        try (Stream<Path> list = Files.list(recording)) {
            files = list.sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(bundle);
                ZstdCompressorOutputStream zstd = new ZstdCompressorOutputStream(out, 3);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd)) {
            for (Path file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(recording.getFileName() + "/" + file.getFileName());
                entry.setSize(Files.size(file));
                entry.setMode(0100640);
                entry.setModTime(WEB_BOOT_WALL_NS / 1_000_000L);
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
    }

    private static SyntheticProcess process(int pid, String comm, long uid, long cgroup, Integer... extraTids) {
        List<Integer> tids = new ArrayList<>();
        tids.add(pid);
        tids.addAll(List.of(extraTids));
        return new SyntheticProcess(pid, utf8(comm), uid, uid, cgroup, tids);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longPath(int length) {
        StringBuilder path = new StringBuilder("/srv/deep");
        while (path.length() < length) {
            path.append("/d").append(path.length() % 10);
        }
        return utf8(path.substring(0, length));
    }
}
