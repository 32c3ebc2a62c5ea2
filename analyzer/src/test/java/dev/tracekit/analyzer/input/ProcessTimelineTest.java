package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.recording.RecordingStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Diagnostics diagnostics = new Diagnostics();
        Catalog catalog = InputScanner.scan(List.of(Fixtures.app()), diagnostics);
        recording = catalog.recordings().getFirst();
        ProcessTimeline.Builder builder = new ProcessTimeline.Builder(recording.processes());
        new RecordingReader(catalog, diagnostics, 1).readOrdered(Set.of(RecordingStream.PROCS), builder);
        timeline = builder.build();
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
