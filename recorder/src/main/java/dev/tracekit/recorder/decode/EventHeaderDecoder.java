package dev.tracekit.recorder.decode;

import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_HEADER;
import static dev.tracekit.recorder.layout.TracekitStructs.TASK_COMM_LEN;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.tracekit.schema.EventHeader;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/** Decodes the common {@code struct event_header} every ring-buffer record starts with. */
public final class EventHeaderDecoder {
    private static final long KIND = offset(EVENT_HEADER, "kind");
    private static final long CPU = offset(EVENT_HEADER, "cpu");
    private static final long TS_NS = offset(EVENT_HEADER, "ts_ns");
    private static final long CGROUP_ID = offset(EVENT_HEADER, "cgroup_id");
    private static final long PID = offset(EVENT_HEADER, "pid");
    private static final long TID = offset(EVENT_HEADER, "tid");
    private static final long UID = offset(EVENT_HEADER, "uid");
    private static final long GID = offset(EVENT_HEADER, "gid");
    private static final long COMM = offset(EVENT_HEADER, "comm");

    private EventHeaderDecoder() {
    }

    /** The record's {@code enum event_kind}. */
    public static short kind(MemorySegment record) {
        return record.get(JAVA_SHORT, KIND);
    }

    public static void decode(MemorySegment record, EventHeader into) {
        into.setTsNs(record.get(JAVA_LONG, TS_NS));
        into.setPid(record.get(JAVA_INT, PID));
        into.setTid(record.get(JAVA_INT, TID));
        into.setUid(Integer.toUnsignedLong(record.get(JAVA_INT, UID)));
        into.setGid(Integer.toUnsignedLong(record.get(JAVA_INT, GID)));
        into.setComm(comm(record, COMM));
        into.setCgroupId(record.get(JAVA_LONG, CGROUP_ID));
        into.setCpu(record.get(JAVA_INT, CPU));
    }

    /** A kernel task name at {@code offset}: up to 16 bytes, ending at the first NUL. */
    public static ByteBuffer comm(MemorySegment segment, long offset) {
        int length = 0;
        while (length < TASK_COMM_LEN && segment.get(JAVA_BYTE, offset + length) != 0) {
            length++;
        }
        return ByteBuffer.wrap(segment.asSlice(offset, length).toArray(JAVA_BYTE));
    }
}
