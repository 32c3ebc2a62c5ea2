package dev.tracekit.testdata;

import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process lifecycle of a CI build on a synthetic host, as the procs family records it: a shell forks make,
 * make forks compilers (one fails), a jobserver thread comes and goes, a test binary with hostile arguments
 * crashes with a core, an overlong java command line is cut and the JVM is killed, a thread renames itself.
 * Timestamps advance by a fixed step from {@code startNs}, so the scenario is the same on every run.
 */
final class ProcScenario {
    private static final long STEP_NS = 125_000_000L;
    private static final long UID = 1000;
    private static final long CGROUP = 8;
    private static final int ARGV_BUF_LEN = 4096;

    private final List<ProcEvent> events = new ArrayList<>();
    private long ts;

    private ProcScenario(long startNs) {
        this.ts = startNs;
    }

    /** The events of the build, in time order, spread over the recording's first intervals. */
    static List<ProcEvent> ciBuild(long startNs) {
        ProcScenario s = new ProcScenario(startNs);
        s.fork(3000, "bash", 1, 3001, false);
        s.exec(3001, 3000, "make", "/usr/bin/make", args("make", "-j2", "all"), false);
        s.fork(3001, "make", 3000, 3002, false);
        s.exec(3002, 3001, "cc", "/usr/bin/cc", args("cc", "-c", "-O2", "main.c", "-o", "main.o"), false);
        s.fork(3001, "make", 3000, 3004, true);
        s.exit(3002, 3002, "cc", 3001, 0, 0, true);
        s.fork(3001, "make", 3000, 3003, false);
        s.exec(3003, 3001, "cc", "/usr/bin/cc", args("cc", "-c", "bad.c"), false);
        s.exit(3003, 3003, "cc", 3001, 1, 0, true);
        s.exit(3001, 3004, "make", 3000, 0, 0, false);
        s.exit(3001, 3001, "make", 3000, 2, 0, true);
        s.fork(3000, "bash", 1, 3005, false);
        byte[] hostile = args("./test-runner", "\u001b[31mred\u001b[0m", "tab\there", "line\nbreak", "");
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, (byte) 0x80, 0};
        s.exec(3005, 3000, "test-runner", "./test-runner", concat(hostile, notUtf8), false);
        s.exit(3005, 3005, "test-runner", 3000, 0, 11 | 0x80, true);
        s.fork(3000, "bash", 1, 3006, false);
        byte[] java = concat(args("java", "-cp"), ("lib/" + "a".repeat(4_090)).getBytes(StandardCharsets.US_ASCII));
        s.exec(3006, 3000, "java", "/usr/lib/jvm/bin/java", java, true);
        s.rename(3006, 3007, "java", "C2 CompilerThre", 3000);
        s.exit(3006, 3006, "java", 3000, 0, 9, true);
        return s.events;
    }

    private static byte[] args(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String arg : args) {
            out.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private ProcEvent next(ProcKind kind, int pid, int tid, String comm, int ppid) {
        ts += STEP_NS;
        ProcEvent e = new ProcEvent();
        e.setHeader(new EventHeader(ts, pid, tid, UID, UID, ByteBuffer.wrap(comm.getBytes(StandardCharsets.UTF_8)),
                CGROUP, events.size() % 2));
        e.setKind(kind);
        e.setPpid(ppid);
        events.add(e);
        return e;
    }

    private void fork(int parent, String comm, int ppid, int child, boolean thread) {
        ProcEvent e = next(ProcKind.FORK, parent, parent, comm, ppid);
        e.setParentPid(parent);
        e.setParentTid(parent);
        e.setChildPid(thread ? parent : child);
        e.setChildTid(child);
        e.setChildIsThread(thread);
    }

    /** argv longer than the recorder's 4096 bytes is cut there and flagged, as the recorder does. */
    private void exec(int pid, int ppid, String comm, String filename, byte[] argv, boolean truncated) {
        ProcEvent e = next(ProcKind.EXEC, pid, pid, comm, ppid);
        e.setFilename(ByteBuffer.wrap(filename.getBytes(StandardCharsets.UTF_8)));
        e.setArgv(ByteBuffer.wrap(Arrays.copyOf(argv, Math.min(argv.length, ARGV_BUF_LEN))));
        e.setArgvTruncated(truncated);
        e.setOldPid(pid);
    }

    /** {@code signal} with 0x80 set: the core was dumped. */
    private void exit(int pid, int tid, String comm, int ppid, int code, int signal, boolean last) {
        ProcEvent e = next(ProcKind.EXIT, pid, tid, comm, ppid);
        if (signal == 0) {
            e.setExitCode(code);
        } else {
            e.setExitSignal(signal & 0x7f);
            e.setCoreDumped((signal & 0x80) != 0);
        }
        e.setLastThread(last);
    }

    private void rename(int pid, int tid, String from, String to, int ppid) {
        ProcEvent e = next(ProcKind.RENAME, pid, tid, from, ppid);
        e.setRenamedTid(tid);
        e.setOldComm(ByteBuffer.wrap(from.getBytes(StandardCharsets.UTF_8)));
        e.setNewComm(ByteBuffer.wrap(to.getBytes(StandardCharsets.UTF_8)));
    }
}
