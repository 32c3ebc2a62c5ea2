package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.FollowedRecording;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who a pid was at each moment of the app-1 fixture: its snapshot followed through forks, execs and exits. */
class ProcessTimelineTest {
    private static final long STEP = 100_000_000L;
    private static Recording recording;
    private static ProcessTimeline timeline;
    private static long start;

    @BeforeAll
    static void follow() {
        recording = FollowedRecording.of(Fixtures.app());
        timeline = recording.timeline();
        start = recording.startBootNs().orElseThrow();
    }

    private static long at(double step) {
        return start + (long) (step * STEP);
    }

    private static String comm(int pid, double step) {
        return new String(timeline.at(pid, at(step)).orElseThrow().comm(), StandardCharsets.UTF_8);
    }

    @Test
    void aReusedPidNamesEachProcessForItsOwnTime() {
        assertEquals("old-job", comm(5000, 10.5));
        assertEquals("bash", comm(5000, 12.5), "forked by bash, not yet exec'd");
        assertEquals("new-job", comm(5000, 13.5));
        ProcessTimeline.Process job = timeline.at(5000, at(14)).orElseThrow();
        assertEquals(2000, job.ppid());
        assertEquals("/usr/local/bin/new-job", new String(job.exe(), StandardCharsets.UTF_8));
        assertEquals("new-job --once", new String(ProcessTimeline.joinedArgs(job.cmdline()), StandardCharsets.UTF_8));
        assertEquals(at(11), timeline.at(5000, at(11.5)).orElseThrow().endNs(), "old-job's exit ends old-job only");
    }

    @Test
    void aProcessThatExitedStillAnswersForItsTime() {
        ProcessTimeline.Process master = timeline.at(800, at(20)).orElseThrow();
        assertEquals("nginx", new String(master.comm(), StandardCharsets.UTF_8));
        assertEquals(at(6), master.endNs());
        assertTrue(timeline.aliveAt(at(20)).stream().noneMatch(p -> p.pid() == 800), "dead by then");
        assertTrue(timeline.aliveAt(at(20)).stream().anyMatch(p -> p.pid() == 810), "its successor runs");
    }

    @Test
    void aForkedChildInheritsItsParentsServiceUntilItExecs() {
        ProcessTimeline.Process nginx = timeline.at(810, at(9.5)).orElseThrow();
        assertEquals("/usr/sbin/nginx -g daemon on; master_process on;",
                new String(ProcessTimeline.joinedArgs(nginx.cmdline()), StandardCharsets.UTF_8));
        assertEquals("nginx.service", timeline.service(nginx.cgroupId()).label());
        assertEquals("/sbin/init splash", new String(ProcessTimeline.joinedArgs(timeline.at(810, at(8.5))
                .orElseThrow().cmdline()), StandardCharsets.UTF_8), "systemd's, before the exec");
        assertTrue(timeline.at(99_999, at(21)).isEmpty());
        assertTrue(timeline.at(810, at(7)).isEmpty(), "not yet forked");
    }

    /**
     * A pid taken again within a snapshot's tick precision of its first fork (5 ms later, as the kernel tests do
     * it): the second fork makes a second process, and the first still answers for its own time.
     */
    @Test
    void aPidReusedWithinMillisecondsIsTwoProcesses() {
        long t = 1_000_000_000L;
        long ms = 1_000_000L;
        ProcessTimeline.Builder builder = new ProcessTimeline.Builder(ProcessIndex.EMPTY);
        for (ProcEvent e : List.of(fork(t, 100, 300, "parent-one"), exec(t + ms, 300, 100, "first"),
                exit(t + 2 * ms, 300, 100, "first"), fork(t + 5 * ms, 200, 300, "parent-two"),
                exec(t + 6 * ms, 300, 200, "second"))) {
            builder.proc(recording, e);
        }
        ProcessTimeline reused = builder.build();
        ProcessTimeline.Process first = reused.at(300, t + ms + 1).orElseThrow();
        assertEquals("first", new String(first.comm(), StandardCharsets.UTF_8));
        assertEquals(100, first.ppid());
        assertEquals(t, first.startNs());
        assertEquals(t + 2 * ms, first.endNs());
        ProcessTimeline.Process second = reused.at(300, t + 6 * ms + 1).orElseThrow();
        assertEquals("second", new String(second.comm(), StandardCharsets.UTF_8));
        assertEquals(200, second.ppid());
        assertEquals(t + 5 * ms, second.startNs());
        assertEquals(Long.MAX_VALUE, second.endNs());
    }

    private static ProcEvent event(ProcKind kind, long ts, int pid, int ppid, String comm) {
        ProcEvent e = new ProcEvent();
        e.setHeader(new EventHeader(ts, pid, pid, 0L, 0L, ByteBuffer.wrap(comm.getBytes(StandardCharsets.UTF_8)), 0L, 0));
        e.setKind(kind);
        e.setPpid(ppid);
        return e;
    }

    private static ProcEvent fork(long ts, int parent, int child, String comm) {
        ProcEvent e = event(ProcKind.FORK, ts, parent, 1, comm);
        e.setParentPid(parent);
        e.setParentTid(parent);
        e.setChildPid(child);
        e.setChildTid(child);
        e.setChildIsThread(false);
        return e;
    }

    private static ProcEvent exec(long ts, int pid, int ppid, String comm) {
        ProcEvent e = event(ProcKind.EXEC, ts, pid, ppid, comm);
        e.setFilename(ByteBuffer.wrap(("/bin/" + comm).getBytes(StandardCharsets.UTF_8)));
        e.setArgv(ByteBuffer.wrap((comm + "\0").getBytes(StandardCharsets.UTF_8)));
        e.setArgvTruncated(false);
        e.setOldPid(pid);
        return e;
    }

    private static ProcEvent exit(long ts, int pid, int ppid, String comm) {
        ProcEvent e = event(ProcKind.EXIT, ts, pid, ppid, comm);
        e.setExitCode(0);
        e.setLastThread(true);
        return e;
    }

    /** pid 5000: old-job, then (reused) bash's fork, which execs new-job in the middle of its life. */
    @Test
    void spansNameAReusedPidAndAnExecInTheMiddleOfALife() {
        List<ProcessTimeline.Span> job = timeline.spans().stream().filter(s -> s.pid() == 5000).toList();
        assertEquals(List.of("old-job", "bash", "new-job"), job.stream()
                .map(s -> new String(s.process().comm(), StandardCharsets.UTF_8)).toList());
        assertNotEquals(job.get(0).process().startNs(), job.get(1).process().startNs(), "two processes");
        assertEquals(job.get(1).process().startNs(), job.get(2).process().startNs(), "one process, two images");
        assertEquals(job.get(1).process().startNs(), job.get(1).fromNs(), "from its fork");
        for (int i = 0; i + 1 < job.size(); i++) {
            assertEquals(job.get(i).toNs() + 1, job.get(i + 1).fromNs(), "no gap, no overlap");
        }
        assertEquals(Long.MAX_VALUE, job.getLast().toNs());
        assertTrue(timeline.at(5000, job.getFirst().fromNs() - 1).isEmpty(), "nothing before the first");
    }

    /** at() and the spans agree at every span's edges and on a 10 ms grid over the recording, for every pid. */
    @Test
    void spansAreExactlyWhatAtAnswers() {
        List<ProcessTimeline.Span> spans = timeline.spans();
        Map<Integer, List<ProcessTimeline.Span>> byPid = new HashMap<>();
        for (ProcessTimeline.Span s : spans) {
            byPid.computeIfAbsent(s.pid(), pid -> new ArrayList<>()).add(s);
            assertSame(s.process(), timeline.at(s.pid(), s.fromNs()).orElseThrow());
            assertSame(s.process(), timeline.at(s.pid(), s.toNs()).orElseThrow());
            assertNotSame(s.process(), timeline.at(s.pid(), s.fromNs() - 1).orElse(null), "spans end where at() changes");
        }
        long end = recording.endBootNs().orElseThrow();
        byPid.forEach((pid, own) -> {
            for (long ns = start - 10 * STEP; ns <= end + 10 * STEP; ns += STEP / 10) {
                long t = ns;
                ProcessTimeline.Process covering = own.stream().filter(s -> s.fromNs() <= t && t <= s.toNs())
                        .map(ProcessTimeline.Span::process).reduce((a, b) -> {
                            throw new AssertionError("spans of pid " + pid + " overlap at " + t);
                        }).orElse(null);
                assertSame(timeline.at(pid, t).orElse(null), covering, "pid " + pid + " at " + t);
            }
        });
        assertTrue(byPid.size() >= 8, "the snapshot's processes and those forked later");
    }
}
