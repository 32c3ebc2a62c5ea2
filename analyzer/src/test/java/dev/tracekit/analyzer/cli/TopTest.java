package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracekit.analyzer.LiveRecordingWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracekit top}: the same tables once over a recording, refreshed per interval when followed and stdout is no
 * terminal, and full screen in a real terminal (tmux), where keys sort and quit.
 */
@Timeout(90)
class TopTest {
    private static final int OPENAT = 257;
    private static final int READ = 0;

    private static void interval(LiveRecordingWriter rec, int i) throws IOException {
        rec.count(10, "nginx", READ, 500 + i, 0);
        rec.count(11, "app", OPENAT, 20, 10 + i);
        rec.open(1_000, 11, "app", "/etc/app/missing.yaml", -2);
        rec.open(2_000, 11, "app", "/etc/app/secret", -13);
        rec.open(3_000, 10, "nginx", "/etc/nginx/nginx.conf", 3);
        rec.endInterval(i == 1 ? 4 : 0, false);
    }

    @Test
    void plainTablesPerIntervalWhenNotATerminal(@TempDir Path dir) throws Exception {
        FollowTest.Follower follower;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            follower = FollowTest.Follower.start("top", dir.toString(), "--follow");
            for (int i = 0; i < 3; i++) {
                interval(rec, i);
                java.util.regex.Pattern reads = java.util.regex.Pattern.compile(
                        List.of("read +500 ", "read +1,001 ", "read +1,503 ").get(i));
                follower.awaitOut(out -> reads.matcher(out).find()); // refreshed with each interval
            }
        }
        FollowTest.Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        String last = result.out().substring(result.out().lastIndexOf("tracekit top: "));
        CliRun offline = CliRun.of("top", dir.toString());
        assertEquals(0, offline.status(), offline.err());
        assertEquals(offline.out().strip(), last.substring(last.indexOf('\n') + 1).strip(),
                "the last refresh is the offline top of the whole recording");
        assertTrue(offline.out().matches("(?s).*\nread +1,503 +0\n.*"), offline.out());
        assertTrue(offline.out().matches("(?s).*\n +3 +ENOENT +/etc/app/missing.yaml\n.*"), offline.out());
        assertTrue(offline.out().matches("(?s).*\nopens +9 +4\n.*"), offline.out());
    }

    @Test
    void processesStartedWhileFollowingAreNamed(@TempDir Path dir) throws Exception {
        FollowTest.Follower follower;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            rec.exec(1_000, 20, 1, "app", "app", "--serve");
            rec.count(20, "app", READ, 7, 0);
            rec.endInterval(0, false);
            follower = FollowTest.Follower.start("top", dir.toString(), "--follow");
            follower.awaitOut(out -> out.contains("app --serve"));
            rec.exec(3_000, 21, 20, "worker", "worker", "-n", "2");
            rec.count(21, "worker", OPENAT, 9, 1);
            rec.count(22, "ghost", READ, 1, 0); // a pid no procs record names
            rec.endInterval(0, false);
            follower.awaitOut(out -> out.contains("worker -n 2"));
        }
        FollowTest.Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        String last = result.out().substring(result.out().lastIndexOf("tracekit top: "));
        assertTrue(last.matches("(?s).*\n +21 +worker +9 +1 +- +worker -n 2\n.*"), last);
        assertTrue(last.matches("(?s).*\n +20 +app +7 +0 +- +app --serve\n.*"), last);
        assertTrue(last.matches("(?s).*\n +22 +ghost +1 +0 +- +-\n.*"), last);
    }

    @Test
    void sortsByErrorsOnRequest(@TempDir Path dir) throws IOException {
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            interval(rec, 0);
        }
        List<String> byCount = CliRun.of("top", dir.toString(), "--format", "csv").out().lines().toList();
        List<String> byErrors = CliRun.of("top", dir.toString(), "--format", "csv", "--sort", "errors").out().lines()
                .toList();
        assertTrue(byCount.indexOf(byCount.stream().filter(l -> l.contains("top_syscalls,0,read")).findFirst().orElseThrow())
                < byCount.indexOf(byCount.stream().filter(l -> l.contains("top_syscalls,257,openat")).findFirst().orElseThrow()),
                String.join("\n", byCount));
        assertTrue(byErrors.indexOf(byErrors.stream().filter(l -> l.contains("top_syscalls,257,openat")).findFirst().orElseThrow())
                < byErrors.indexOf(byErrors.stream().filter(l -> l.contains("top_syscalls,0,read")).findFirst().orElseThrow()),
                String.join("\n", byErrors));
        CliRun bad = CliRun.of("top", dir.toString(), "--sort", "latency");
        assertEquals(2, bad.status());
        assertEquals(1, bad.errLines().size(), bad.err());
    }

    @Test
    void failedOpensGoByTheFullPathAsEveryVerbCountsThem() {
        List<String> failed = CliRun.withFixtures("top", "@dev", "--format", "csv").out().lines()
                .filter(l -> l.startsWith("failed_opens,")).toList();
        assertTrue(failed.stream().anyMatch(l -> l.contains(",EACCES,/etc/shadow,")), String.join("\n", failed));
        assertTrue(failed.stream().noneMatch(l -> l.contains(",EACCES,shadow,")), String.join("\n", failed));
    }

    @Test
    void fullScreenInARealTerminal(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is not installed");
        String session = "tracekit-top-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            rec.exec(0, 11, 1, "app", "app", "--config", "/etc/app/app.yaml");
            interval(rec, 0);
            tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "60", java + " -cp '"
                    + System.getProperty("java.class.path") + "' " + Main.class.getName() + " top " + dir + " --follow; "
                    + "sleep 30");
            try {
                String screen = awaitScreen(session, s -> s.contains("sorted by count") && s.contains("openat"));
                assertTrue(screen.contains("Failed opens"), screen);
                assertTrue(screen.matches("(?s).*\n +11 +app +.* +app --config /etc/app/app\\.yaml\n.*"),
                        "the process's command line, last\n" + screen);
                assertTrue(screen.indexOf("read ") < screen.indexOf("openat "), "by count: read first\n" + screen);
                tmux("send-keys", "-t", session, "e");
                screen = awaitScreen(session, s -> s.contains("sorted by errors"));
                assertTrue(screen.indexOf("openat ") < screen.indexOf("read "), "by errors: openat first\n" + screen);
                interval(rec, 1);
                screen = awaitScreen(session, s -> s.contains("1,001")); // read's count after the second interval
                assertTrue(screen.contains("tracekit: warning: " + LiveRecordingWriter.host() + " lost 4 opens events"),
                        "the second interval's drops, under the title\n" + screen);
                tmux("send-keys", "-t", session, "q");
                screen = awaitScreen(session, s -> !s.contains("(c count, e errors, q quit)") && s.contains("Syscalls"));
                assertTrue(screen.contains("Syscalls"), "the last tables stay on the normal screen\n" + screen);
            } finally {
                new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
            }
        }
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process tmux = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(tmux.getInputStream().readAllBytes());
        assertTrue(tmux.waitFor(10, TimeUnit.SECONDS) && tmux.exitValue() == 0, String.join(" ", args) + ": " + out);
        return out;
    }

    private static String awaitScreen(String session, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", session);
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("screen never matched:\n" + screen);
    }
}
