package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_IA32;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.recorder.decode.EventHeaderDecoder;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallEvent;
import java.lang.foreign.MemorySegment;

/**
 * The reference the direct encoding is tested against (the recorder's path before it): decodes
 * {@code struct syscall_event} into one reused {@link SyscallEvent}.
 */
public final class SyscallEventDecoder {
    private static final long ID = offset(SYSCALL_EVENT, "id");
    private static final long ARGS = offset(SYSCALL_EVENT, "args");
    private static final long RET = offset(SYSCALL_EVENT, "ret");
    private static final long DURATION_NS = offset(SYSCALL_EVENT, "duration_ns");

    private final SyscallEvent event = new SyscallEvent();
    private final EventHeader header = new EventHeader();

    public SyscallEvent decode(MemorySegment record) {
        EventHeaderDecoder.decode(record, header);
        event.setHeader(header);
        long id = record.get(JAVA_LONG, ID);
        boolean ia32 = id >= 0 && (id & Integer.toUnsignedLong(SYSCALL_IA32)) != 0;
        event.setSyscall((int) (ia32 ? id & ~Integer.toUnsignedLong(SYSCALL_IA32) : id));
        event.setAbi(ia32 ? SyscallAbi.IA32 : null);
        event.setArg0(arg(record, 0));
        event.setArg1(arg(record, 1));
        event.setArg2(arg(record, 2));
        event.setArg3(arg(record, 3));
        event.setArg4(arg(record, 4));
        event.setArg5(arg(record, 5));
        event.setRet(record.get(JAVA_LONG, RET));
        event.setDurationNs(record.get(JAVA_LONG, DURATION_NS));
        return event;
    }

    private static long arg(MemorySegment record, int index) {
        return record.get(JAVA_LONG, ARGS + index * Long.BYTES);
    }
}
