package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.LiveRecordingWriter;
import dev.tracekit.schema.Family;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A follower says on stderr that a family it follows lost events when the first interval that lost some lands, not
 * only at the end: once per family, in the words of the note under an offline analysis's results.
 */
@Timeout(60)
class LiveLossWarningTest {
    private static final long SEC = LiveRecordingWriter.INTERVAL_NS;
    private static final int READ = 0;

    private static void interval(LiveRecordingWriter rec, int i, Family family, long lost) throws IOException {
        rec.open(1_000, 10, "nginx", "/etc/nginx/" + i, 3);
        rec.count(10, "nginx", READ, 50, 0);
        rec.exec(2_000, 20 + i, 1, "job", "job", "--step", Integer.toString(i));
        rec.endInterval(family, lost, false);
    }

    @ParameterizedTest
    @CsvSource({"opens, OPENS, opens", "procs, PROCS, procs", "kills, KILLS, kills",
            "events, SYSCALL_EVENTS, syscall-events", "syscalls, SYSCALL_COUNTS, syscall-counts", "top, OPENS, opens",
            "export --family opens --format csv, OPENS, opens"})
    void warnsWhenTheFirstIntervalWithDropsLands(String verb, Family family, String name, @TempDir Path dir)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.addAll(1, List.of(dir.toString(), "--follow"));
        FollowTest.Follower follower;
        String warning = "tracekit: warning: " + LiveRecordingWriter.host() + " lost 5 " + name + " events by "
                + LiveRecordingWriter.utc(7 * SEC) + " (";
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            interval(rec, 0, family, 0);
            follower = FollowTest.Follower.start(args.toArray(String[]::new));
            Thread.sleep(10 * LiveReplay.POLL_MS); // it has read the first interval
            assertEquals("", follower.err(), "nothing lost yet");
            interval(rec, 1, family, 5);
            follower.awaitErr(err -> err.contains(warning));
            assertTrue(follower.running(), "warned while the recorder runs");
            interval(rec, 2, family, 4);
        }
        FollowTest.Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        List<String> warnings = result.err().lines().filter(l -> l.startsWith("tracekit: warning:")).toList();
        assertEquals(1, warnings.size(), "once per family: " + result.err());
        assertTrue(warnings.getFirst().startsWith(warning) && warnings.getFirst().endsWith(
                " complete so far): figures may be low"), warnings.getFirst());
        assertTrue(result.err().contains(", 9 lost"), "the end gives the whole: " + result.err());
    }
}
