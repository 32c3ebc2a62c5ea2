package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.LiveRecordingWriter;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.OpenEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tail's polls, driven one by one: what each reads, and what it says when --max-files deletes files it lags. */
class RecordingTailTest {
    private static final Set<RecordingStream> OPENS = Set.of(RecordingStream.OPENS);

    private static final class Paths implements RecordVisitor {
        final List<String> seen = new ArrayList<>();

        @Override
        public void open(Recording recording, OpenEvent event) {
            seen.add(StandardCharsets.UTF_8.decode(event.getPath().duplicate()).toString());
        }
    }

    @Test
    void readsEventsOnlyOnceTheirIntervalEndsAndNoticesTheClose(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Paths paths = new Paths();
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            RecordingTail tail = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.allOf(OptionalField.class), false, false);
            assertEquals(0, tail.poll(OPENS, paths, true), "the opening row was read by open");
            rec.open(1, 1, "a", "/a", 3);
            assertEquals(0, tail.poll(OPENS, paths, false));
            rec.endInterval(0, true);
            assertEquals(1, tail.poll(OPENS, paths, false));
            assertEquals(List.of("/a"), paths.seen);
            assertFalse(tail.closed());
            assertFalse(tail.recorderGone(), "this process is the recorder here, and it lives");
            assertEquals(ProcessHandle.current().pid(), tail.recorderPid().getAsLong());
        }
        RecordingTail after = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.allOf(OptionalField.class), false, true);
        assertTrue(after.closed(), "the closing row");
        assertEquals(List.of(), diagnostics.warnings());
    }

    /** The procs stream is read only by a follow that names processes; the streams followed read the same either way. */
    @Test
    void procsAreReadOnlyWhenProcessesAreNamed(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Paths unnamed = new Paths();
        Paths named = new Paths();
        long openNs = LiveRecordingWriter.START_NS + 2;
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0)) {
            RecordingTail plain = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.noneOf(OptionalField.class),
                    false, false);
            RecordingTail naming = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.noneOf(OptionalField.class),
                    true, false);
            rec.exec(1, 7, 1, "worker", "worker", "-n", "2");
            rec.open(2, 7, "worker", "/w", 3);
            rec.endInterval(0, false);
            assertEquals(1, plain.poll(OPENS, unnamed, false));
            assertEquals(1, naming.poll(OPENS, named, false));
            assertEquals(List.of("/w"), unnamed.seen);
            assertEquals(List.of("/w"), named.seen);
            assertTrue(plain.recording().timeline().at(7, openNs).isEmpty(), "no procs read, no process known");
            assertEquals("worker -n 2", new String(ProcessTimeline.joinedArgs(naming.recording().timeline()
                    .at(7, openNs).orElseThrow().cmdline()), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), diagnostics.warnings());
    }

    /**
     * Events flushed before their interval's row (a block that filled mid-interval, the next interval's events
     * flushed while a poll reads) wait for that row: shown earlier, they would miss its losses.
     */
    @Test
    void eventsWaitForTheRowThatCountsThem(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        List<String> marked = new ArrayList<>();
        RecordVisitor withLosses = new RecordVisitor() {
            @Override
            public void open(Recording recording, OpenEvent event) {
                marked.add(StandardCharsets.UTF_8.decode(event.getPath().duplicate()) + " lost "
                        + recording.losses().lostAround(Family.OPENS, event.getHeader().getTsNs()));
            }
        };
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 0);
                RecordingTail tail = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.allOf(OptionalField.class),
                        false, false)) {
            rec.open(1, 1, "a", "/1", 3);
            rec.endInterval(0, false);
            rec.open(1, 1, "a", "/2", 3);
            rec.flushEvents();
            assertEquals(1, tail.poll(OPENS, withLosses, false));
            assertEquals(List.of("/1 lost 0"), marked, "/2's row is not written yet");
            rec.endInterval(2, false);
            assertEquals(1, tail.poll(OPENS, withLosses, false));
            assertEquals(List.of("/1 lost 0", "/2 lost 2"), marked);
        }
        assertEquals(List.of(), diagnostics.warnings());
    }

    /**
     * The race a follower woken by the recorder's flush runs into: it reads an interval's rows and events before the
     * recorder rotates, so the file it read has no successor yet; by its next rows, --max-files has deleted that file.
     * All of it was read: nothing is said lost.
     */
    @Test
    void aFileReadBeforeItsRotationAndDeletedByTheNextRowsLosesNothing(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Paths paths = new Paths();
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 2);
                RecordingTail tail = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.allOf(OptionalField.class),
                        false, false)) {
            rec.open(1, 1, "a", "/1", 3);
            rec.endInterval(0, false);
            assertEquals(1, tail.poll(OPENS, paths, false), "woken by the flush, before the rotation");
            rec.rotate(); // files 2
            rec.open(1, 1, "a", "/2", 3);
            rec.endInterval(0, true); // files 3: --max-files 2 deletes files 1
            assertFalse(Files.exists(dir.resolve("opens-000001.avro")));
            assertEquals(1, tail.poll(OPENS, paths, false));
            assertEquals(List.of("/1", "/2"), paths.seen);
        }
        assertEquals(List.of(), diagnostics.warnings());
        assertFalse(diagnostics.partial());
    }

    /** A file the tail has begun stays readable once deleted: what the recorder wrote to it after the tail's last poll is read. */
    @Test
    void aFileDeletedWhileTheTailWasReadingItIsReadToItsEnd(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Paths paths = new Paths();
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 2);
                RecordingTail tail = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.allOf(OptionalField.class),
                        false, false)) {
            rec.open(1, 1, "a", "/1", 3);
            rec.endInterval(0, false);
            assertEquals(1, tail.poll(OPENS, paths, false));
            rec.open(1, 1, "a", "/2", 3); // still in files 1
            rec.endInterval(0, true); // files 2
            rec.open(1, 1, "a", "/3", 3);
            rec.endInterval(0, true); // files 3: files 1 deleted, its last interval not yet read
            assertFalse(Files.exists(dir.resolve("opens-000001.avro")));
            assertEquals(2, tail.poll(OPENS, paths, false));
            assertEquals(List.of("/1", "/2", "/3"), paths.seen);
        }
        assertEquals(List.of(), diagnostics.warnings());
    }

    @Test
    void filesDeletedBeforeTheyWereReadAreSaid(@TempDir Path dir) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Paths paths = new Paths();
        try (LiveRecordingWriter rec = new LiveRecordingWriter(dir, ProcessHandle.current().pid(), 2)) {
            RecordingTail tail = RecordingTail.open(dir, diagnostics, OPENS, EnumSet.allOf(OptionalField.class), false, false);
            for (int i = 1; i <= 4; i++) { // files 2..5 started; --max-files 2 deletes 1, 2 and 3
                rec.open(1, 1, "a", "/" + i, 3);
                rec.endInterval(0, true);
            }
            tail.poll(OPENS, paths, false);
            assertEquals(List.of("/4"), paths.seen, "what is left: file 4");
        }
        assertEquals(List.of(
                dir.resolve("opens-000001.avro") + ": deleted (--max-files) before it was read to its end; rows after "
                        + "its first 0 not shown",
                dir.resolve("opens-000002.avro") + " to opens-000003.avro: deleted (--max-files) before they were read"),
                diagnostics.warnings().stream().filter(w -> w.contains("opens-")).toList());
        assertTrue(diagnostics.partial());
    }
}
