package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import dev.tracekit.analyzer.LiveRecordingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --follow} against a recording written while it runs ({@link LiveRecordingWriter}, the recorder's file
 * discipline without a kernel): rows appear as intervals end, across rotation and --max-files deletion; a recorder
 * that closes the recording ends the follow (exit 0, its losses said), one that dies ends it with a note (exit 1).
 */
@Timeout(60)
class FollowTest {
    private static final long SEC = LiveRecordingWriter.INTERVAL_NS;

    @Test
    void followsRowsAcrossRotationAndDeletionUntilTheRecorderCloses(@TempDir Path dir) throws Exception {
        Follower follower;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 2)) {
            rec.open(1_000, 10, "nginx", "/etc/nginx/nginx.conf", 3);
            rec.endInterval(0, false);
            follower = Follower.start("opens", dir.toString(), "--follow", "--format", "csv");
            follower.awaitOut(out -> out.contains("/etc/nginx/nginx.conf"));
            rec.open(2_000, 11, "app", "/etc/app/missing.yaml", -2);
            assertFalse(follower.out().contains("missing.yaml"), "nothing before the interval ends");
            rec.endInterval(3, true); // rotates: files 2
            follower.awaitOut(out -> out.contains("/etc/app/missing.yaml"));
            for (int i = 0; i < 3; i++) { // rotations to files 3, 4, 5: --max-files 2 deletes 1, 2, 3 behind it
                rec.open(500, 12, "cron", "/var/spool/cron/" + i, 4);
                rec.endInterval(0, true);
                String path = "/var/spool/cron/" + i;
                // No pause for the follower: the next rotation deletes the file it has just read (RecordingTail keeps
                // it open to its end), not one it has yet to begin.
                follower.awaitOut(out -> out.contains(path));
            }
            assertFalse(Files.exists(dir.resolve("opens-000001.avro")), "--max-files deleted the first files");
            assertTrue(follower.running(), "the recorder still runs");
        }
        Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(List.of(
                "lost_nearby,ts_ns,ts_utc,pid,tid,uid,comm,fd,errno,errno_name,flags,flags_name,path",
                "0,5000001000,2027-01-15T08:00:05.000001000Z,10,10,0,nginx,3,0,0,0,O_RDONLY,/etc/nginx/nginx.conf",
                "3,6000002000,2027-01-15T08:00:06.000002000Z,11,11,0,app,-1,2,ENOENT,0,O_RDONLY,/etc/app/missing.yaml"),
                lines.subList(0, 3), "rows as a replay prints them, the loss marker from the live interval rows");
        assertEquals(3, lines.stream().filter(l -> l.contains("/var/spool/cron/")).count(), String.join("\n", lines));
        assertEquals("tracekit: warning: " + LiveRecordingWriter.host() + " lost 3 opens events by " + LiveRecordingWriter.utc(7 * SEC)
                + " (40.00% complete so far): figures may be low\n"
                + "tracekit: the recorder closed the recording at " + LiveRecordingWriter.utc(10 * SEC)
                + ": opens 5 recorded, 3 lost (62.50% complete)\n", result.err());
    }

    /**
     * A process that starts while a follow runs is named as the procs records name it (--with cmd, TCOMM...), not
     * only those the follow found at its start; with --since now, the procs before the start still count.
     */
    @Test
    void processesStartedWhileFollowingAreNamed(@TempDir Path dir) throws Exception {
        Follower all;
        Follower fromNow;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            rec.exec(1_000, 20, 1, "app", "app", "--serve");
            rec.endInterval(0, false);
            all = Follower.start("opens", dir.toString(), "--follow", "--with", "cmd,ppid", "--format", "csv");
            fromNow = Follower.start("opens", dir.toString(), "--follow", "--since", "now", "--with", "cmd",
                    "--format", "csv");
            probeUntilFollowing(rec, fromNow);
            rec.open(2_000, 20, "app", "/etc/app.conf", 3);
            rec.exec(3_000, 21, 20, "worker", "worker", "-n", "2");
            rec.open(4_000, 21, "worker", "/var/lib/worker.db", 4);
            rec.endInterval(0, false);
            all.awaitOut(out -> out.contains("/var/lib/worker.db"));
            fromNow.awaitOut(out -> out.contains("/var/lib/worker.db"));
        }
        for (Follower follower : List.of(all, fromNow)) {
            Follower.Result result = follower.await();
            assertEquals(0, result.status(), result.err());
        }
        String out = all.await().out();
        assertTrue(out.contains(",app,3,0,0,0,O_RDONLY,1,/etc/app.conf,app --serve"), out);
        assertTrue(out.contains(",worker,4,0,0,0,O_RDONLY,20,/var/lib/worker.db,worker -n 2"), out);
        String later = fromNow.await().out();
        assertTrue(later.contains("/etc/app.conf,app --serve"), "exec'd before the follow started: " + later);
        assertTrue(later.contains("/var/lib/worker.db,worker -n 2"), later);
    }

    /** A filter by process context (no context column asked) knows the processes that start while it runs. */
    @Test
    void filtersByProcessContextKnowProcessesStartedWhileFollowing(@TempDir Path dir) throws Exception {
        Follower byParent;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            rec.exec(1_000, 20, 1, "app", "app", "--serve");
            rec.endInterval(0, false);
            byParent = Follower.start("opens", dir.toString(), "--follow", "--ppid", "20", "--format", "csv");
            rec.open(2_000, 20, "app", "/etc/app.conf", 3);
            rec.exec(3_000, 21, 20, "worker", "worker", "-n", "2");
            rec.open(4_000, 21, "worker", "/var/lib/worker.db", 4);
            rec.endInterval(0, false);
            byParent.awaitOut(out -> out.contains("/var/lib/worker.db"));
        }
        Follower.Result result = byParent.await();
        assertEquals(0, result.status(), result.err());
        assertFalse(result.out().contains("/etc/app.conf"), "app's parent is 1: " + result.out());
    }

    @Test
    void whatAFollowPrintsIsWhatTheReplayPrintsAfterwards(@TempDir Path dir) throws Exception {
        Follower follower;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            follower = Follower.start("opens", dir.toString(), "--follow", "--comm", "app", "--relative");
            for (int i = 0; i < 3; i++) {
                rec.open(1_000, 11, "app", "/etc/app/" + i, i == 1 ? -13 : 3);
                rec.open(2_000, 12, "other", "/tmp/" + i, 3);
                rec.endInterval(i, i == 1);
                String path = "/etc/app/" + i;
                follower.awaitOut(out -> out.contains(path));
            }
        }
        Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        assertEquals(CliRun.of("opens", dir.toString(), "--comm", "app", "--relative").out(), result.out());
    }

    @Test
    void sinceNowShowsOnlyNewRowsAndFiltersApply(@TempDir Path dir) throws Exception {
        Follower follower;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            rec.open(1_000, 10, "nginx", "/etc/old", 3);
            rec.endInterval(0, false);
            follower = Follower.start("opens", dir.toString(), "--follow", "--since", "now", "-x", "--format", "json");
            probeUntilFollowing(rec, follower);
            rec.open(1_000, 11, "app", "/etc/new-ok", 3);
            rec.open(2_000, 11, "app", "/etc/new-failed", -2);
            rec.endInterval(0, false);
            follower.awaitOut(out -> out.contains("/etc/new-failed"));
        }
        Follower.Result result = follower.await();
        assertEquals(0, result.status(), result.err());
        assertEquals(List.of(true), result.out().lines().filter(l -> !l.contains("/etc/probe-"))
                .map(l -> l.contains("/etc/new-failed")).toList(), result.out());
        assertFalse(result.out().contains("/etc/old"), result.out());
        assertTrue(result.out().endsWith("\n"), "each JSON row ends its line at once");
    }

    @Test
    void aRecorderThatDiesEndsTheFollowWithANote(@TempDir Path dir) throws Exception {
        Process recorder = new ProcessBuilder("sleep", "600").start();
        LiveRecordingWriter rec = new LiveRecordingWriter(dir, recorder.pid(), 0);
        rec.open(1_000, 10, "nginx", "/etc/nginx/nginx.conf", 3);
        rec.endInterval(0, false);
        rec.open(2_000, 10, "nginx", "/etc/nginx/mime.types", 4);
        rec.abandon();
        Follower follower = Follower.start("opens", dir.toString(), "--follow");
        follower.awaitOut(out -> out.contains("nginx.conf"));
        recorder.destroyForcibly().waitFor();
        Follower.Result result = follower.await();
        assertEquals(1, result.status(), result.err());
        assertEquals("tracekit: warning: " + dir + ": the recorder (pid " + recorder.pid() + ") is gone and did not "
                + "close the recording; events after " + LiveRecordingWriter.utc(6 * SEC) + " were not written\n",
                result.err());
    }

    @Test
    void notARecordingIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRun run = CliRun.of("opens", dir.toString(), "--follow");
        assertEquals(2, run.status());
        assertEquals(1, run.errLines().size(), run.err());
        Path file = Files.writeString(dir.resolve("x.avro"), "not avro");
        run = CliRun.of("kills", file.toString(), "--follow");
        assertEquals(2, run.status());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @Test
    void aDirectoryThatDisappearsIsBadInput(@TempDir Path parent) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("rec"));
        LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0);
        rec.exec(1_000, 20, 1, "app", "app");
        rec.endInterval(0, false);
        Follower follower = Follower.start("procs", dir.toString(), "--follow");
        // Its first row: it follows (a fixed pause lost the race on a loaded machine, the directory gone before it began).
        follower.awaitOut(out -> out.contains(" exec "));
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        Follower.Result result = follower.await();
        assertEquals(2, result.status(), result.err());
        assertEquals("tracekit: " + dir + ": the recording directory disappeared while it was followed\n", result.err());
    }

    @Test
    void noPermissionIsBadInput(@TempDir Path dir) throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every directory");
        new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0).endInterval(0, false);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("-wx------"));
        try {
            CliRun run = CliRun.of("opens", dir.toString(), "--follow");
            assertEquals(2, run.status());
            assertEquals(1, run.errLines().size(), run.err());
        } finally {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void followRefusesWhatCannotStream(@TempDir Path dir) throws IOException {
        new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0).endInterval(0, false);
        for (String[] args : List.of(new String[] {"opens", dir.toString(), "--follow", "--top", "files"},
                new String[] {"export", dir.toString(), "--follow", "--format", "parquet", "--family", "opens",
                        "-o", dir.resolve("x.parquet").toString()})) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
        }
    }

    /**
     * Failed opens of /etc/probe-N, an interval each, until the follower shows one: it has begun, past what was
     * there before, however loaded the machine. A fixed pause lost that race at load 6-10: begun late, a --since now
     * follow skipped the rows meant to be new.
     */
    private static void probeUntilFollowing(LiveRecordingWriter rec, Follower follower) throws Exception {
        for (int i = 0; !follower.out().contains("/etc/probe-"); i++) {
            rec.open(1_000, 11, "app", "/etc/probe-" + i, -2);
            rec.endInterval(0, false);
            Thread.sleep(50);
        }
    }

    /** A follow running on a thread of its own, its output readable while it runs. */
    static final class Follower {
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final CompletableFuture<Integer> status;

        record Result(int status, String out, String err) {
        }

        private Follower(String... args) {
            // A thread of its own: the common pool may have a single worker (2 cores), and followers run together.
            status = CompletableFuture.supplyAsync(() -> CommandLineFactory.execute(new PrintWriter(into(out)),
                    new PrintWriter(into(err)), args), runnable -> Thread.ofPlatform().daemon().start(runnable));
        }

        static Follower start(String... args) {
            return new Follower(args);
        }

        String out() {
            return out.toString();
        }

        boolean running() {
            return !status.isDone();
        }

        String err() {
            return err.toString();
        }

        void awaitOut(Predicate<String> condition) throws InterruptedException {
            await(out, condition);
        }

        void awaitErr(Predicate<String> condition) throws InterruptedException {
            await(err, condition);
        }

        private void await(StringBuffer text, Predicate<String> condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!condition.test(text.toString())) {
                if (System.nanoTime() > deadline || status.isDone()) {
                    throw new AssertionError("not in the output: " + out + "\nstderr: " + err);
                }
                Thread.sleep(20);
            }
        }

        Result await() throws Exception {
            int code = status.get(30, TimeUnit.SECONDS);
            return new Result(code, out.toString(), err.toString());
        }

        private static Writer into(StringBuffer buffer) {
            return new Writer() {
                @Override
                public void write(char[] chars, int off, int len) {
                    buffer.append(chars, off, len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
