package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real recording with procs (testdata/real/make-real-recording.sh procs), made on a real kernel with
 * {@code -n tk-real}: mkdir made tk-real.scope while recording; worker 2357, exec'd into it, forked 2358 (exit 7)
 * and 2359 (killed itself with SIGTERM), sent SIGTERM to sleeper 2321 (which died of it), renamed itself and
 * exec'd tk-real again, which failed to open a missing file and exited 3. The analysis must name every process,
 * including those that died before the recording ended, and the cgroup no snapshot knew.
 */
class RealProcsRecordingTest {
    private static final String WORKER_ARGS = " fork 7 forkkill 15 kill 2321 15 comm 746b2d72656e616d6564 exec ";

    private static List<String> rows(CliRun run) {
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        List<String> lines = Arrays.stream(run.out().split("\n")).map(String::strip).toList(); // CSV lines end in CRLF
        return lines.subList(1, lines.size()); // the CSV header
    }

    @Test
    void theProcsReplayHasEveryExecForkExitRenameAndTheNewCgroup() {
        List<String> rows = rows(CliRun.withFixtures("procs", "@realprocs", "--threaded", "--with", "service",
                "--format", "csv"));
        assertEquals(11, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).matches(".*,2321,2321,2166,0,tk-real,exec,,,,,,/tmp/[^,]*/tk-real sleep 2500"), rows.get(0));
        assertTrue(rows.get(1).endsWith(",mkdir,cgroup,,,,,,/tk-real.scope"), rows.get(1));
        assertTrue(rows.get(2).contains(",2357,2357,2166,0,tk-real,exec,,,,,tk-real.scope,/tmp/"), rows.get(2));
        assertTrue(rows.get(2).contains(WORKER_ARGS), rows.get(2));
        assertTrue(rows.get(4).endsWith(",2358,2358,2357,0,tk-real,exit,,7,,,tk-real.scope,"), rows.get(4));
        assertTrue(rows.get(6).endsWith(",2359,2359,2357,0,tk-real,exit,,,15,SIGTERM,tk-real.scope,"), rows.get(6));
        assertTrue(rows.get(7).endsWith(",2357,2357,2166,0,tk-real,rename,,,,,tk-real.scope,tk-renamed"), rows.get(7));
        assertTrue(rows.get(8).endsWith(",2321,2321,2166,0,tk-real,exit,,,15,SIGTERM,,"), rows.get(8));
        assertTrue(rows.get(9).endsWith(",tk-real,exec,,,,,tk-real.scope,tk-real open /nonexistent/tk-real.conf 0 0 exit 3"),
                rows.get(9));
        assertTrue(rows.get(10).endsWith(",2357,2357,2166,0,tk-real,exit,,3,,,tk-real.scope,"), rows.get(10));
    }

    /** Both targets were dead when the recording ended: the procs family still names them, as they were. */
    @Test
    void killsNameTargetsThatHaveSinceExited() {
        List<String> rows = rows(CliRun.withFixtures("kills", "@realprocs", "--format", "csv"));
        assertEquals(2, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).contains(",2359,tk-real,15,SIGTERM,2359,0,tk-real,0,0,,,62,kill,/tmp/"), rows.get(0));
        assertTrue(rows.get(0).contains(WORKER_ARGS), "a forked child runs its parent's command line: " + rows.get(0));
        assertTrue(rows.get(1).matches(".*,2357,tk-real,15,SIGTERM,2321,0,tk-real,0,0,,,62,kill,/tmp/[^,]*/tk-real sleep 2500"),
                rows.get(1));
        assertEquals(rows.subList(1, 2), rows(CliRun.withFixtures("kills", "@realprocs", "--target-comm", "tk-real",
                "--tpid", "2321", "--format", "csv")));
    }

    @Test
    void opensInTheNewCgroupAreItsServices() {
        List<String> rows = rows(CliRun.withFixtures("opens", "@realprocs", "--unit", "tk-real.scope", "-x",
                "--with", "service,cgroup", "--format", "csv"));
        assertEquals(List.of(rows.getFirst()), rows, "one failed open in the unit");
        assertTrue(rows.getFirst().matches(".*,2357,2357,0,tk-real,-1,2,ENOENT,0,O_RDONLY,tk-real.scope,/tk-real.scope,"
                + "/nonexistent/tk-real.conf"), rows.getFirst());
    }
}
