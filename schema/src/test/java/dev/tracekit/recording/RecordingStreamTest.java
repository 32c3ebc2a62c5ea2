package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.Family;
import dev.tracekit.schema.KillEvent;
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
    }
}
