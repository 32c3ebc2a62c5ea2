package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.layout.TracekitStructs.KILL_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.tracekit.recorder.decode.EventHeaderDecoder;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.lang.foreign.MemorySegment;

/**
 * The reference the direct encoding is tested against (the recorder's path before it): decodes
 * {@code struct kill_event} into one reused {@link KillEvent}.
 */
public final class KillEventDecoder {
    private static final long TARGET_PID = offset(KILL_EVENT, "target_pid");
    private static final long TARGET_TID = offset(KILL_EVENT, "target_tid");
    private static final long SIGNAL = offset(KILL_EVENT, "signal");
    private static final long RESULT = offset(KILL_EVENT, "result");
    private static final long SYSCALL = offset(KILL_EVENT, "syscall");
    private static final KillSyscall[] SYSCALLS = KillSyscall.values(); // same order as enum kill_syscall

    private final KillEvent event = new KillEvent();
    private final EventHeader header = new EventHeader();

    public KillEvent decode(MemorySegment record) {
        EventHeaderDecoder.decode(record, header);
        event.setHeader(header);
        event.setSyscall(SYSCALLS[record.get(JAVA_INT, SYSCALL)]);
        event.setTargetPid(record.get(JAVA_INT, TARGET_PID));
        event.setTargetTid(record.get(JAVA_INT, TARGET_TID));
        event.setSignal(record.get(JAVA_INT, SIGNAL));
        event.setResult(record.get(JAVA_INT, RESULT));
        return event;
    }
}
