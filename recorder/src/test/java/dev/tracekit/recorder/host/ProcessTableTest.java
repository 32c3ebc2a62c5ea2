package dev.tracekit.recorder.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.CgroupInfo;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {
    @TempDir
    Path tmp;

    /** A /proc and a cgroup2 tree laid out as the kernel lays them out, with the awkward cases. */
    @Test
    void readsWholeProcessesAndCountsTheOnesThatWentAway() throws IOException {
        Path cgroups = Files.createDirectories(tmp.resolve("cgroup/system.slice/web.service"));
        Path proc = tmp.resolve("proc");
        byte[] argv = {'w', 'e', 'b', 0, '-', '-', 'x', 0x1b, 0, (byte) 0xff, 0};
        process(proc, 4242, "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 12345 0 0",
                "my (odd) name\n", argv, "Uid:\t1000\t1000\t1000\t1000\n", "0::/system.slice/web.service\n");
        Files.createSymbolicLink(proc.resolve("4242/exe"), Path.of("/usr/bin/web"));
        process(proc, 2, "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0", "kthreadd\n",
                new byte[0], "Uid:\t0\t0\t0\t0\n", "0::/\n");
        Files.createDirectories(proc.resolve("77")); // exited between the listing and the read: no stat
        Files.writeString(proc.resolve("77/comm"), "gone\n");
        Files.createDirectories(proc.resolve("self/ns"));
        Files.createSymbolicLink(proc.resolve("self/ns/pid"), Path.of("pid:[4026531836]"));

        ProcessSnapshot snapshot = new ProcessTable(proc, Optional.of(tmp.resolve("cgroup"))).read(99L);

        assertEquals(99L, snapshot.getTakenNs());
        assertEquals(1, snapshot.getProcessesGone());
        assertTrue(snapshot.getPidNamespaceIsInit());
        assertEquals(2, snapshot.getProcesses().size());
        ProcessInfo kthreadd = snapshot.getProcesses().get(0);
        assertEquals(2, kthreadd.getPid());
        assertNull(kthreadd.getExe(), "kernel threads have no executable");
        assertEquals(0, kthreadd.getCmdline().remaining());
        ProcessInfo web = snapshot.getProcesses().get(1);
        assertEquals(4242, web.getPid());
        assertEquals(1, web.getPpid());
        assertEquals(12345L * 10_000_000L, web.getStartTimeNs());
        assertEquals(1000L, web.getUid());
        assertArrayEquals("my (odd) name".getBytes(StandardCharsets.UTF_8), array(web.getComm()));
        assertArrayEquals("/usr/bin/web".getBytes(StandardCharsets.UTF_8), array(web.getExe()));
        assertArrayEquals(argv, array(web.getCmdline()), "byte for byte");
        assertFalse(web.getCmdlineTruncated());
        long serviceId = (Long) Files.getAttribute(cgroups, "unix:ino");
        assertEquals(serviceId, web.getCgroupId());
        assertTrue(snapshot.getCgroups().stream().anyMatch(c -> c.getId() == serviceId
                && "/system.slice/web.service".equals(text(c))), snapshot.getCgroups().toString());
        assertTrue(snapshot.getCgroups().stream().anyMatch(c -> "/".equals(text(c))));
    }

    @Test
    void longCommandLinesAreCutAndFlagged() throws IOException {
        Path proc = tmp.resolve("proc");
        byte[] argv = new byte[ProcessTable.CMDLINE_LIMIT + 100];
        process(proc, 10, "10 (long) S 1 10 10 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0", "long\n", argv,
                "Uid:\t0\t0\t0\t0\n", "0::/\n");
        ProcessSnapshot snapshot = new ProcessTable(proc, Optional.empty()).read(0L);
        ProcessInfo p = snapshot.getProcesses().getFirst();
        assertTrue(p.getCmdlineTruncated());
        assertEquals(ProcessTable.CMDLINE_LIMIT, p.getCmdline().remaining());
        assertEquals(0L, p.getCgroupId(), "no cgroup2: no id");
        assertTrue(snapshot.getCgroups().isEmpty());
    }

    @Test
    void aContainersPidNamespaceIsSaid() throws IOException {
        Path proc = Files.createDirectories(tmp.resolve("proc/self/ns"));
        Files.createSymbolicLink(proc.resolve("pid"), Path.of("pid:[4026532999]"));
        ProcessTable table = new ProcessTable(tmp.resolve("proc"), Optional.empty());
        assertFalse(table.inHostPidNamespace());
        assertFalse(table.read(0L).getPidNamespaceIsInit());
    }

    /** This JVM is in the host's own /proc with its parent, its command line and its executable. */
    @Test
    void readsThisProcessFromTheRealProc() {
        ProcessSnapshot snapshot = ProcessTable.host().read(0L);
        long self = ProcessHandle.current().pid();
        ProcessInfo me = snapshot.getProcesses().stream().filter(p -> p.getPid() == self).findFirst().orElseThrow();
        assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), me.getPpid());
        assertTrue(new String(array(me.getExe()), StandardCharsets.UTF_8).endsWith("/bin/java"), text(me.getExe()));
        assertTrue(snapshot.getProcesses().stream().anyMatch(p -> p.getPid() == 1));
    }

    @Test
    void findsTheCgroup2MountInMountinfo() throws IOException {
        Path mountinfo = Files.writeString(tmp.resolve("mountinfo"), """
                22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
                25 28 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate
                """);
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup")), ProcessTable.cgroup2Mount(mountinfo));
        assertEquals(Optional.empty(), ProcessTable.cgroup2Mount(tmp.resolve("none")));
    }

    private static void process(Path proc, int pid, String stat, String comm, byte[] cmdline, String status,
            String cgroup) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"), stat + "\n");
        Files.writeString(dir.resolve("comm"), comm);
        Files.write(dir.resolve("cmdline"), cmdline);
        Files.writeString(dir.resolve("status"), status);
        Files.writeString(dir.resolve("cgroup"), cgroup);
    }

    private static byte[] array(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static String text(CgroupInfo cgroup) {
        return text(cgroup.getPath());
    }

    private static String text(ByteBuffer buffer) {
        return new String(array(buffer), StandardCharsets.UTF_8);
    }
}
