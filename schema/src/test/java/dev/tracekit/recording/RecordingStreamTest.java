package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.Family;
import dev.tracekit.schema.KillEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingStreamTest {

    @Test
    void fileNamesRoundTripAndSortInTimeOrder() {
        assertEquals("syscall-counts-000042.avro", RecordingStream.SYSCALL_COUNTS.fileName(42));
        RecordingStream.FileName parsed = RecordingStream.parseFileName("syscall-events-1000000.avro").orElseThrow();
        assertEquals(RecordingStream.SYSCALL_EVENTS, parsed.stream());
        assertEquals(1_000_000, parsed.seq());
        assertTrue(RecordingStream.OPENS.fileName(9).compareTo(RecordingStream.OPENS.fileName(10)) < 0);
    }

    @Test
    void rejectsNamesThatAreNotRecordingFiles() {
        assertTrue(RecordingStream.parseFileName("opens-1.avro").isEmpty());
        assertTrue(RecordingStream.parseFileName("notes-000001.avro").isEmpty());
        assertTrue(RecordingStream.parseFileName("opens-000001.avro.tmp").isEmpty());
    }

    @Test
    void streamsMapToFamiliesAndSchemas() {
        assertEquals(RecordingStream.KILLS, RecordingStream.of(Family.KILLS));
        assertEquals(RecordingStream.KILLS, RecordingStream.ofSchema(KillEvent.getClassSchema()).orElseThrow());
        assertTrue(RecordingStream.INTERVALS.family().isEmpty());
        assertEquals(RecordingStream.PROCS, RecordingStream.of(Family.PROCS));
        assertEquals(RecordingStream.PROCS, RecordingStream.parseFileName("procs-000002.avro").orElseThrow().stream());
    }

    /** v1.0's family symbols stay a prefix, so its intervals files keep encoding alike (schema/README.md). */
    @Test
    void familiesAddedBeforeUnknown() {
        assertEquals(List.of(Family.SYSCALL_COUNTS, Family.SYSCALL_EVENTS, Family.OPENS, Family.KILLS, Family.PROCS),
                RecordingStream.FAMILIES);
        assertEquals(Family.UNKNOWN, Family.values()[Family.values().length - 1]);
    }
}
