package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Files of an earlier minor version keep the hand-written decoders' fast path while fields with defaults were
 * only added at the end: 1.2 added full_path and its status to opens and abi to syscall counts and events, 1.3 the
 * new cgroup's id and path to procs (with the CGROUP_MKDIR symbol after the others).
 */
class ReadPathTest {
    private static final SchemaVersion V1_2 = new SchemaVersion(1, 2);
    private static final Set<RecordingStream> GREW_IN_1_2 = EnumSet.of(RecordingStream.OPENS,
            RecordingStream.SYSCALL_COUNTS, RecordingStream.SYSCALL_EVENTS);

    @Test
    void noReleasedVersionNeedsResolution() {
        for (SchemaVersion version : SchemaHistory.RELEASED) {
            for (RecordingStream stream : RecordingStream.values()) {
                boolean grewSince = stream == RecordingStream.PROCS
                        ? !version.equals(RecordingMeta.CURRENT_SCHEMA_VERSION)
                        : version.compareTo(V1_2) < 0 && GREW_IN_1_2.contains(stream);
                ReadPath expected = grewSince ? ReadPath.LEADING_FIELDS : ReadPath.AS_WRITTEN;
                SchemaHistory.schema(version, stream).ifPresent(written -> assertEquals(expected,
                        ReadPath.of(written, stream), stream + " of " + version));
            }
        }
    }

    @Test
    void aDefaultedFieldMissingBeforeTheEndIsResolved() {
        Schema current = RecordingStream.SYSCALL_COUNTS.schema();
        List<Schema.Field> fields = current.getFields().stream().filter(f -> !f.name().equals("latency_total_ns"))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        Schema written = Schema.createRecord(current.getName(), null, current.getNamespace(), false, fields);
        assertEquals(ReadPath.RESOLVED, ReadPath.of(written, RecordingStream.SYSCALL_COUNTS),
                "only a tail can be left unread; a field missing in the middle shifts the rest");
        assertEquals(ReadPath.AS_WRITTEN, ReadPath.of(current, RecordingStream.SYSCALL_COUNTS));
    }

    @Test
    void aPrefixMissingFieldsWithoutDefaultsIsRefused() {
        Schema prefix = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"SyscallCount\", "
                + "\"namespace\": \"dev.tracekit.schema\", \"fields\": [{\"name\": \"interval_start_ns\", \"type\": \"long\"}]}");
        assertThrows(IllegalArgumentException.class, () -> ReadPath.of(prefix, RecordingStream.SYSCALL_COUNTS));
    }
}
