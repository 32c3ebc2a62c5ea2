package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A follower wakes when the recorder writes interval rows, not only when its poll's time is up, and not for events. */
class DirectoryChangesTest {
    private static final long LONG_WAIT_MS = 60_000;
    private static final long SHORT_WAIT_MS = 300;

    @TempDir
    Path dir;

    @Test
    void rowsAppendedToAnIntervalsFileEndTheWait() throws Exception {
        Path file = Files.writeString(dir.resolve("intervals-000001.avro"), "header");
        try (DirectoryChanges changes = DirectoryChanges.of(dir)) {
            assertWokenBy(changes, () -> Files.writeString(file, "row", StandardOpenOption.APPEND));
        }
    }

    @Test
    void anIntervalsFileMadeByRotationEndsTheWait() throws Exception {
        try (DirectoryChanges changes = DirectoryChanges.of(dir)) {
            assertWokenBy(changes, () -> Files.writeString(dir.resolve("intervals-000002.avro"), "header"));
        }
    }

    @Test
    void rowsWrittenBeforeTheWaitEndItAtOnce() throws Exception {
        try (DirectoryChanges changes = DirectoryChanges.of(dir)) {
            Files.writeString(dir.resolve("intervals-000001.avro"), "header");
            long startNs = System.nanoTime();
            changes.await(LONG_WAIT_MS);
            assertTrue(System.nanoTime() - startNs < LONG_WAIT_MS / 2 * 1_000_000L, "not lost between two waits");
        }
    }

    /** Events are read with their interval's row: a block of them alone wakes no one. */
    @Test
    void eventsAloneWaitTheWholeTime() throws Exception {
        Path file = Files.writeString(dir.resolve("opens-000001.avro"), "header");
        try (DirectoryChanges changes = DirectoryChanges.of(dir)) {
            long startNs = System.nanoTime();
            Files.writeString(file, "block", StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("opens-000002.avro"), "header");
            changes.await(SHORT_WAIT_MS);
            assertTrue(System.nanoTime() - startNs >= SHORT_WAIT_MS * 1_000_000L, "it waited its time");
        }
    }

    @Test
    void somethingThatCannotBeWatchedWaitsTheWholeTime() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "");
        try (DirectoryChanges changes = DirectoryChanges.of(file)) {
            long startNs = System.nanoTime();
            changes.await(20);
            assertTrue(System.nanoTime() - startNs >= 20_000_000L, "it slept its time");
        }
    }

    private interface Change {
        void make() throws Exception;
    }

    /** The change is made after the wait began; the wait must end long before its 60 s. */
    private static void assertWokenBy(DirectoryChanges changes, Change change) throws Exception {
        Thread changer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(200);
                change.make();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long startNs = System.nanoTime();
        changes.await(LONG_WAIT_MS);
        long waitedMs = (System.nanoTime() - startNs) / 1_000_000;
        changer.join();
        assertTrue(waitedMs < LONG_WAIT_MS / 2, "woken after " + waitedMs + " ms");
    }
}
