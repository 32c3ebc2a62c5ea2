package dev.tracekit.testdata;

import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * An x86_64 recording whose process made ia32 calls, numbered from the ia32 table (5 is open there, fstat on
 * x86_64): counts of 7 ia32 open, 3 fstat and 2 open over one interval, and one ia32 kill event (37, alarm on
 * x86_64) by pid 4242 ({@code legacy32}).
 */
public final class Ia32Recording {
    private static final long SECOND = 1_000_000_000L;
    private static final RecordingMeta META = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "rec-ia32",
            "legacy-1", "6.18", "x86_64", 0, "boot", "tracekit-test", "tracekit record", "{}");

    private Ia32Recording() {
    }

    /** Writes it into {@code dir}, which is created. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir, RecordingStream.SYSCALL_COUNTS, List.of(count(5, 7, SyscallAbi.IA32), count(5, 3, null),
                count(2, 2, null)));
        write(dir, RecordingStream.SYSCALL_EVENTS, List.of(new SyscallEvent(new EventHeader(SECOND + 5, 4242, 4242, 0L,
                0L, comm(), 0L, 0), 37, 4242L, 0L, 0L, 0L, 0L, 0L, 0L, 1000L, SyscallAbi.IA32)));
        write(dir, RecordingStream.INTERVALS, List.of(new IntervalStats(SECOND, 2 * SECOND, 0L,
                Map.of("SYSCALL_COUNTS", 3L, "SYSCALL_EVENTS", 1L), List.of(), 0L)));
        return dir;
    }

    private static <T extends SpecificRecord> void write(Path dir, RecordingStream stream, List<T> records)
            throws IOException {
        try (RecordingFileWriter<T> file = RecordingFileWriter.create(dir, stream, 1, META, CodecSpec.parse("none"),
                null)) {
            for (T record : records) {
                file.append(record);
            }
        }
    }

    private static SyscallCount count(int syscall, long calls, SyscallAbi abi) {
        return new SyscallCount(SECOND, 2 * SECOND, 4242, comm(), syscall, calls, 0L, null, null, abi);
    }

    private static ByteBuffer comm() {
        return ByteBuffer.wrap("legacy32".getBytes(StandardCharsets.US_ASCII));
    }
}
