package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The family descriptors against the streams and records they describe: one per family, each routing its
 * records to its own visitor method, and header facets that say what the header says.
 */
class FamiliesContractTest {
    @Test
    void everyFamilyWithAStreamHasOneDescriptorInStreamOrder() {
        List<RecordingStream> withFamily = EnumSet.allOf(RecordingStream.class).stream()
                .filter(s -> s.family().isPresent()).toList();
        assertEquals(withFamily, Families.ALL.stream().map(FamilyDescriptor::stream).toList());
        for (RecordingStream stream : withFamily) {
            FamilyDescriptor<?> family = Families.of(stream);
            assertSame(stream, family.stream());
            assertEquals(stream.family().orElseThrow(), family.family());
        }
        assertEquals(RecordingStream.FAMILIES, Families.ALL.stream().map(FamilyDescriptor::family).toList());
        assertThrows(IllegalArgumentException.class, () -> Families.of(RecordingStream.INTERVALS));
    }

    @Test
    void eachRecordReachesTheMethodOfItsFamilyWithFacetsFromItsHeader() {
        Map<Family, Long> seen = new EnumMap<>(Family.class);
        RecordVisitor visitor = new RecordVisitor() {
            private FamilyDescriptor<?> expected;

            @Override
            public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
                EventHeader header = family.header(record);
                if (header != null) {
                    assertEquals(header.getTsNs(), family.timeNs(record));
                    assertEquals(header.getPid(), family.pid(record));
                    assertEquals(header.getComm(), family.comm(record));
                }
                expected = family;
                RecordVisitor.super.record(recording, family, record);
                assertNull(expected, family + " record went to no method");
                seen.merge(family.family(), 1L, Long::sum);
            }

            private void arrived(FamilyDescriptor<?> family) {
                assertSame(expected, family);
                expected = null;
            }

            @Override
            public void syscallCount(Recording recording, SyscallCount count) {
                arrived(Families.SYSCALL_COUNTS);
            }

            @Override
            public void syscallEvent(Recording recording, SyscallEvent event) {
                arrived(Families.SYSCALL_EVENTS);
            }

            @Override
            public void open(Recording recording, OpenEvent event) {
                arrived(Families.OPENS);
            }

            @Override
            public void kill(Recording recording, KillEvent event) {
                arrived(Families.KILLS);
            }

            @Override
            public void proc(Recording recording, ProcEvent event) {
                arrived(Families.PROCS);
            }
        };
        Catalog catalog = InputScanner.scan(List.of(Fixtures.web(), Fixtures.appWithNewContainer()), new Diagnostics());
        new RecordingReader(catalog, new Diagnostics(), 1).readOrdered(EnumSet.complementOf(
                EnumSet.of(RecordingStream.INTERVALS)), visitor);
        assertEquals(EnumSet.copyOf(RecordingStream.FAMILIES), seen.keySet(), "the fixtures hold every family");
        assertTrue(seen.values().stream().allMatch(n -> n > 0));
    }

    @Test
    void aCountRowNarrowsToItsFailedCallsAndEventsStayWhole() {
        SyscallCount row = SyscallCount.newBuilder().setIntervalStartNs(1).setIntervalEndNs(2).setPid(7)
                .setComm(java.nio.ByteBuffer.wrap("app".getBytes())).setSyscall(0).setCount(10).setErrors(3)
                .setLatencyTotalNs(500L).build();
        FamilyDescriptor<SyscallCount> counts = Families.SYSCALL_COUNTS;
        SyscallCount failed = counts.failuresOf(row, counts.newScratch());
        assertEquals(3, failed.getCount());
        assertEquals(3, failed.getErrors());
        assertNull(failed.getLatencyTotalNs(), "the failed calls' share of the latency is unknown");
        assertTrue(counts.failed(row));
        assertEquals(FamilyDescriptor.NONE, counts.errno(row), "a count row carries no errno");

        OpenEvent open = new OpenEvent();
        assertNull(Families.OPENS.newScratch());
        assertSame(open, Families.OPENS.failuresOf(open, null));
        assertEquals("opens", Families.OPENS.toString());
    }
}
