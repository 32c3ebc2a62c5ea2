package dev.tracekit.testdata;

import dev.tracekit.recording.ProcessSnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import dev.tracekit.schema.CgroupInfo;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A host running services of every kind a cgroup path can name (a systemd unit, a docker container, Kubernetes
 * pods under containerd and cri-o, a login session), with the snapshot every file starts with and a few seconds of
 * their lives: {@code systemctl restart nginx} (systemd SIGTERMs the master, which SIGTERMs its worker; both exit;
 * a new master and worker start), a pid reused (old-job exits, new-job gets its pid and is interrupted), signals to
 * containers and to a pid that never existed, and opens by each. Times step by a fixed 100 ms from the start.
 * From schema 1.3 on, a container also starts while recording: systemd creates its cgroup (a CGROUP_MKDIR record,
 * the only place its path is named: the snapshot predates it), containerd-shim forks memcached into it, which opens
 * its config and is stopped by SIGTERM.
 */
final class ServiceScenario {
    private static final long STEP_NS = 100_000_000L;
    private static final long SECOND = 1_000_000_000L;
    static final String DOCKER_ID = "4f1c2a3b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";
    static final String CONTAINERD_ID = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
    static final String CRIO_ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String NEW_DOCKER_ID = "c0ffee00aa11bb22cc33dd44ee55ff66778899aabbccddeeff00112233445566";
    private static final String POD_A = "6f1e2d3c_4b5a_4978_8a9b_0c1d2e3f4a5b";
    private static final String POD_B = "0a1b2c3d_1111_2222_3333_444455556666";

    private static final long ROOT = 1, INIT = 2, NGINX = 10, DOCKER = 11, POD_APP = 12, POD_JAVA = 13,
            SESSION = 14, CRON = 15, NEW_CONTAINER = 16;

    private final long start;
    final List<ProcEvent> procs = new ArrayList<>();
    final List<KillEvent> kills = new ArrayList<>();
    final List<OpenEvent> opens = new ArrayList<>();
    final byte[] snapshot;

    /** @param containerStarts whether the container started while recording is in it (schema 1.3 on) */
    ServiceScenario(long startNs, boolean containerStarts) {
        this.start = startNs;
        this.snapshot = encode(new ProcessSnapshot(startNs - STEP_NS / 2, List.of(
                process(1, 0, 1, 0, "systemd", "/usr/lib/systemd/systemd", INIT, "/sbin/init", "splash"),
                process(800, 1, 60, 0, "nginx", "/usr/sbin/nginx", NGINX,
                        "nginx: master process /usr/sbin/nginx -g daemon on; master_process on;"),
                process(801, 800, 61, 33, "nginx", "/usr/sbin/nginx", NGINX, "nginx: worker process"),
                process(1300, 1, 120, 999, "redis-server", "/usr/local/bin/redis-server", DOCKER, "redis-server *:6379"),
                process(1400, 1, 130, 1000, "python3", "/usr/bin/python3.11", POD_APP,
                        "python3", "/app/server.py", "--port", "8080"),
                process(1500, 1, 140, 1001, "java", "/usr/lib/jvm/bin/java", POD_JAVA, "java", "-jar", "/opt/app.jar"),
                process(2000, 1999, 300, 1000, "bash", "/usr/bin/bash", SESSION, "-bash"),
                process(5000, 1, 400, 0, "old-job", "/usr/local/bin/old-job", CRON, "/usr/local/bin/old-job", "--nightly")),
                0, 4096, List.of(
                        cgroup(ROOT, "/"),
                        cgroup(INIT, "/init.scope"),
                        cgroup(NGINX, "/system.slice/nginx.service"),
                        cgroup(DOCKER, "/system.slice/docker-" + DOCKER_ID + ".scope"),
                        cgroup(POD_APP, "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + POD_A
                                + ".slice/cri-containerd-" + CONTAINERD_ID + ".scope"),
                        cgroup(POD_JAVA, "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + POD_B
                                + ".slice/crio-" + CRIO_ID + ".scope"),
                        cgroup(SESSION, "/user.slice/user-1000.slice/session-4.scope"),
                        cgroup(CRON, "/system.slice/cron.service")),
                true));
        SyntheticProcess systemd = sender(1, "systemd", 0, INIT);
        SyntheticProcess bash = sender(2000, "bash", 1000, SESSION);
        fork(1, 2000, "bash", 1999, 1000, SESSION, 2100);
        exec(2, 2100, 2000, "systemctl", "/usr/bin/systemctl", 1000, SESSION, "systemctl", "restart", "nginx");
        open(2, sender(2100, "systemctl", 1000, SESSION), "/run/systemd/private", 0);
        kill(3, systemd, 800, 15, 0);
        kill(4, sender(800, "nginx", 0, NGINX), 801, 15, 0);
        exit(5, 801, "nginx", 800, 33, NGINX, 0, 0);
        exit(6, 800, "nginx", 1, 0, NGINX, 0, 0);
        exit(7, 2100, "systemctl", 2000, 1000, SESSION, 0, 0);
        fork(8, 1, "systemd", 0, 0, INIT, 810);
        exec(9, 810, 1, "nginx", "/usr/sbin/nginx", 0, NGINX, "/usr/sbin/nginx", "-g", "daemon on; master_process on;");
        open(9, sender(810, "nginx", 0, NGINX), "/etc/nginx/nginx.conf", 3);
        fork(10, 810, "nginx", 1, 0, NGINX, 811);
        kill(10, systemd, 5000, 0, 0);
        exit(11, 5000, "old-job", 1, 0, CRON, 0, 0);
        fork(12, 2000, "bash", 1999, 1000, SESSION, 5000);
        exec(13, 5000, 2000, "new-job", "/usr/local/bin/new-job", 1000, SESSION, "new-job", "--once");
        open(13, sender(5000, "new-job", 1000, SESSION), "/var/lib/jobs/state", -13);
        kill(14, bash, 5000, 2, 0);
        exit(15, 5000, "new-job", 2000, 1000, SESSION, 0, 2);
        open(16, sender(1300, "redis-server", 999, DOCKER), "/data/dump.rdb", 5);
        open(16, sender(1400, "python3", 1000, POD_APP), "/app/config.yaml", -2);
        open(17, sender(1500, "java", 1001, POD_JAVA), "/opt/app.jar", 7);
        kill(18, sender(1390, "containerd-shim", 0, ROOT), 1400, 15, 0);
        exit(19, 1400, "python3", 1, 1000, POD_APP, 0, 15);
        kill(20, bash, 1300, 1, 0);
        kill(21, bash, 99_999, 9, -3);
        if (containerStarts) {
            cgroupMkdir(22, NEW_CONTAINER, "/system.slice/docker-" + NEW_DOCKER_ID + ".scope");
            fork(23, 1390, "containerd-shim", 1, 0, ROOT, 1600);
            exec(24, 1600, 1390, "memcached", "/usr/bin/memcached", 999, NEW_CONTAINER, "memcached", "-m", "64");
            open(25, sender(1600, "memcached", 999, NEW_CONTAINER), "/etc/memcached.conf", 3);
            kill(26, bash, 1600, 15, 0);
            exit(27, 1600, "memcached", 1390, 999, NEW_CONTAINER, 0, 15);
        }
    }

    /**
     * As {@link ProcessSnapshotCodec#encode} writes it (which {@code decode} reads), but with a fixed block marker:
     * the codec's random one would change the fixture on every run.
     */
    private static byte[] encode(ProcessSnapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<ProcessSnapshot> writer = new DataFileWriter<>(new SpecificDatumWriter<>(ProcessSnapshot.class))) {
            writer.setCodec(CodecFactory.zstandardCodec(3, false, true));
            writer.create(ProcessSnapshot.getClassSchema(), out, "app-1 snapshot.."
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // 16 bytes, as Avro wants
            writer.append(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ProcessInfo process(int pid, int ppid, long startSecond, long uid, String comm, String exe, long cgroup,
            String... argv) {
        return new ProcessInfo(pid, ppid, startSecond * SECOND, uid, utf8(comm), utf8(exe), args(argv), false, cgroup);
    }

    private static CgroupInfo cgroup(long id, String path) {
        return new CgroupInfo(id, utf8(path));
    }

    private static SyntheticProcess sender(int pid, String comm, long uid, long cgroup) {
        return new SyntheticProcess(pid, comm.getBytes(StandardCharsets.UTF_8), uid, uid, cgroup, List.of(pid));
    }

    private long at(int step) {
        return start + step * STEP_NS;
    }

    private ProcEvent proc(int step, ProcKind kind, int pid, String comm, int ppid, long uid, long cgroup) {
        ProcEvent e = new ProcEvent();
        e.setHeader(new EventHeader(at(step), pid, pid, uid, uid, utf8(comm), cgroup, 0));
        e.setKind(kind);
        e.setPpid(ppid);
        procs.add(e);
        return e;
    }

    private void fork(int step, int parent, String comm, int ppid, long uid, long cgroup, int child) {
        ProcEvent e = proc(step, ProcKind.FORK, parent, comm, ppid, uid, cgroup);
        e.setParentPid(parent);
        e.setParentTid(parent);
        e.setChildPid(child);
        e.setChildTid(child);
        e.setChildIsThread(false);
    }

    private void exec(int step, int pid, int ppid, String comm, String file, long uid, long cgroup, String... argv) {
        ProcEvent e = proc(step, ProcKind.EXEC, pid, comm, ppid, uid, cgroup);
        e.setFilename(utf8(file));
        e.setArgv(args(argv));
        e.setArgvTruncated(false);
        e.setOldPid(pid);
    }

    private void exit(int step, int pid, String comm, int ppid, long uid, long cgroup, int code, int signal) {
        ProcEvent e = proc(step, ProcKind.EXIT, pid, comm, ppid, uid, cgroup);
        if (signal == 0) {
            e.setExitCode(code);
        } else {
            e.setExitSignal(signal);
            e.setCoreDumped(false);
        }
        e.setLastThread(true);
    }

    /** systemd creates a unit's cgroup, as it does for a container's scope (docker asks it to). */
    private void cgroupMkdir(int step, long id, String path) {
        ProcEvent e = proc(step, ProcKind.CGROUP_MKDIR, 1, "systemd", 0, 0, INIT);
        e.setNewCgroupId(id);
        e.setCgroupPath(utf8(path));
    }

    private void kill(int step, SyntheticProcess sender, int target, int signal, int result) {
        kills.add(new KillEvent(sender.header(at(step) + 1_000, sender.pid(), 0), KillSyscall.KILL, target, 0, signal,
                result));
    }

    private void open(int step, SyntheticProcess process, String path, int result) {
        opens.add(OpenEvent.newBuilder()
                .setHeader(process.header(at(step) + 2_000, process.pid(), 1))
                .setSyscall(OpenSyscall.OPENAT)
                .setDirfd(SyntheticEvents.AT_FDCWD)
                .setPath(utf8(path))
                .setPathTruncated(false)
                .setFlags(02000000)
                .setMode(0)
                .setResolve(0)
                .setResult(result)
                .build());
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteBuffer args(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String arg : args) {
            out.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }
}
