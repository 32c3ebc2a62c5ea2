package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ia32 call's number is the ia32 table's (5 is open there, fstat on x86_64): every listing names it from that
 * table as ia32:NAME, apart from the native call of the same number, and --syscall open finds both opens.
 */
class Ia32SyscallNamesTest {
    private static final RecordingMeta META = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "rec-ia32",
            "legacy-1", "6.18", "x86_64", 0, "boot", "tracekit-test", "tracekit record", "{}");
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void countsAndEventsOfIa32CallsCarryIa32Names() throws IOException {
        try (RecordingFileWriter<SyscallCount> counts = RecordingFileWriter.create(dir, RecordingStream.SYSCALL_COUNTS, 1,
                META, CodecSpec.parse("none"), null)) {
            counts.append(count(5, 7, SyscallAbi.IA32)); // ia32 open
            counts.append(count(5, 3, null)); // x86_64 fstat
            counts.append(count(2, 2, null)); // x86_64 open
        }
        try (RecordingFileWriter<SyscallEvent> events = RecordingFileWriter.create(dir, RecordingStream.SYSCALL_EVENTS,
                1, META, CodecSpec.parse("none"), null)) {
            events.append(event(37, SyscallAbi.IA32)); // ia32 kill
        }

        CliRun syscalls = CliRun.of("syscalls", dir.toString(), "--format", "csv");
        assertEquals(0, syscalls.status(), syscalls.err());
        List<String> rows = syscalls.out().lines().toList();
        assertTrue(rows.contains("5,ia32:open,7,0,0"), syscalls.out()); // the number is the ia32 table's
        assertTrue(rows.contains("5,fstat,3,0,0"), syscalls.out());
        assertTrue(rows.contains("2,open,2,0,0"), syscalls.out());

        CliRun opens = CliRun.of("syscalls", dir.toString(), "--syscall", "open", "--format", "csv");
        assertEquals(0, opens.status(), opens.err());
        assertTrue(opens.out().lines().toList().containsAll(List.of("5,ia32:open,7,0,0", "2,open,2,0,0")), opens.out());
        assertFalse(opens.out().contains("fstat"), opens.out());

        CliRun events = CliRun.of("events", dir.toString(), "--format", "csv");
        assertEquals(0, events.status(), events.err());
        assertTrue(events.out().contains("ia32:kill"), events.out());
        assertFalse(events.out().contains("alarm"), "x86_64's 37 is alarm, ia32's kill: " + events.out());
    }

    private static SyscallCount count(int syscall, long calls, SyscallAbi abi) {
        return new SyscallCount(SECOND, 2 * SECOND, 4242, comm(), syscall, calls, 0L, null, null, abi);
    }

    private static SyscallEvent event(int syscall, SyscallAbi abi) {
        EventHeader header = new EventHeader(SECOND + 5, 4242, 4242, 0L, 0L, comm(), 0L, 0);
        return new SyscallEvent(header, syscall, 4242L, 0L, 0L, 0L, 0L, 0L, 0L, 1000L, abi);
    }

    private static ByteBuffer comm() {
        return ByteBuffer.wrap("legacy32".getBytes(StandardCharsets.US_ASCII));
    }
}
