package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Files of an earlier minor version keep the hand-written decoders' fast path while only null-default fields were added. */
class ReadPathTest {
    @Test
    void aTailOfNullDefaultFieldsIsReadAsWritten() {
        for (SchemaVersion version : SchemaHistory.RELEASED) {
            for (RecordingStream stream : RecordingStream.values()) {
                SchemaHistory.schema(version, stream).ifPresent(written -> assertEquals(ReadPath.AS_WRITTEN,
                        ReadPath.of(written, stream), stream + " of " + version));
            }
        }
    }

    @Test
    void aNullDefaultFieldMissingBeforeTheEndIsResolved() {
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
