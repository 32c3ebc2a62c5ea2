package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.LiveRecordingWriter;
import dev.tracekit.schema.Family;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * syscount -i live: {@code syscalls --follow} prints one table per window as the recorder's intervals pass it, and
 * the rows of those tables are the rows {@code syscalls --interval} prints for the same recording afterwards, their
 * LOST (the counts lost in the window's intervals) included.
 */
@Timeout(60)
class SyscallsFollowTest {
    /** openat, read, write and getpid on x86_64. */
    private static final int OPENAT = 257;
    private static final int READ = 0;
    private static final int WRITE = 1;

    @ParameterizedTest
    @ValueSource(strings = {"", "-P", "--by process,syscall", "-i 2", "-i 2s -T 1", "--sort errors"})
    void perIntervalTablesAreTheOfflineWindows(String options, @TempDir Path dir) throws Exception {
        List<String> extra = options.isEmpty() ? List.of() : List.of(options.split(" "));
        List<String> live = new java.util.ArrayList<>(List.of("syscalls", dir.toString(), "--follow", "--format", "csv"));
        live.addAll(extra);
        FollowTest.Follower follower;
        int tables;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            follower = FollowTest.Follower.start(live.toArray(String[]::new));
            for (int i = 0; i < 5; i++) {
                rec.count(10, "nginx", OPENAT, 100 + i, i);
                rec.count(10, "nginx", READ, 50, 0);
                rec.count(11, "app", WRITE, 7 * i, 2);
                rec.count(11, "app", OPENAT, 3, 3);
                rec.endInterval(Family.SYSCALL_COUNTS, i == 1 ? 6 : 0, i == 2); // the second interval lost counts
            }
            // a table per finished window before the recorder stops (1 s windows: 5; 2 s windows: 2)
            tables = extra.contains("2") || extra.contains("2s") ? 2 : 5;
            int expected = tables;
            follower.awaitOut(out -> out.lines().filter(l -> l.startsWith("window_start_ns")).count() == expected);
        }
        FollowTest.Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        List<String> offlineArgs = new java.util.ArrayList<>(List.of("syscalls", dir.toString(), "--format", "csv"));
        offlineArgs.addAll(extra.contains("2") || extra.contains("2s") ? extra : withInterval(extra));
        List<String> offline = CliRun.of(offlineArgs.toArray(String[]::new)).out().lines().toList();
        assertTrue(offline.stream().anyMatch(l -> l.endsWith(",6")), "the window of the second interval: LOST 6\n"
                + String.join("\n", offline));
        List<String> liveLines = result.out().lines().filter(l -> !l.isEmpty()).toList();
        String header = offline.getFirst();
        assertTrue(liveLines.stream().filter(header::equals).count() >= tables, result.out());
        assertEquals(offline.subList(1, offline.size()), liveLines.stream().filter(l -> !l.equals(header)).toList(),
                "live rows = offline rows, window by window");
    }

    private static List<String> withInterval(List<String> extra) {
        List<String> all = new java.util.ArrayList<>(extra);
        all.addAll(List.of("-i", "1s"));
        return all;
    }
}
