package dev.tracekit.analyzer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** syscalls -L takes latency from per-event durations where the counts were recorded without it. */
class SyscallSourceTest {
    private static Recording recording(String filtersJson) {
        RecordingMeta meta = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "id", "h", "6.1", "x86_64", 0,
                "boot", "tracekit-1", "tracekit record", filtersJson);
        return new Recording(0, meta, List.of(), Set.of(RecordingStream.SYSCALL_COUNTS, RecordingStream.SYSCALL_EVENTS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"latency\":false}|true|SYSCALL_EVENTS",
        "{}|true|SYSCALL_EVENTS",
        "{\"latency\":true}|true|SYSCALL_COUNTS",
        "{\"latency\":false}|false|SYSCALL_COUNTS",
    })
    void latencyComesFromWhereItWasRecorded(String filters, boolean latency, Family expected) {
        Recording r = recording(filters);
        assertEquals(expected, SyscallSource.choose(List.of(r), FilterSpec.none(), latency).family(r));
    }
}
