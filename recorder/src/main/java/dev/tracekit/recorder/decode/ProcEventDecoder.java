package dev.tracekit.recorder.decode;

import static dev.tracekit.recorder.layout.TracekitStructs.PROC_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Decodes {@code struct proc_event} (and an exec's file name and arguments after it) into one reused
 * {@link ProcEvent}; the fields the record's kind does not use are set to null.
 */
public final class ProcEventDecoder {
    private static final long PPID = offset(PROC_EVENT, "ppid");
    private static final long KIND = offset(PROC_EVENT, "kind");
    private static final long ARGV_TRUNCATED = offset(PROC_EVENT, "argv_truncated");
    private static final long CHILD_IS_THREAD = offset(PROC_EVENT, "child_is_thread");
    private static final long LAST_THREAD = offset(PROC_EVENT, "last_thread");
    private static final long OLD_PID = offset(PROC_EVENT, "old_pid");
    private static final long CHILD_PID = offset(PROC_EVENT, "child_pid");
    private static final long CHILD_TID = offset(PROC_EVENT, "child_tid");
    private static final long EXIT_CODE = offset(PROC_EVENT, "exit_code");
    private static final long RENAMED_TID = offset(PROC_EVENT, "renamed_tid");
    private static final long NAME_LEN = offset(PROC_EVENT, "name_len");
    private static final long ARGV_LEN = offset(PROC_EVENT, "argv_len");
    private static final long OLD_COMM = offset(PROC_EVENT, "old_comm");
    private static final long NEW_COMM = offset(PROC_EVENT, "new_comm");
    private static final long NEW_CGROUP_ID = offset(PROC_EVENT, "new_cgroup_id");
    private static final long TAIL = PROC_EVENT.byteSize();
    private static final ProcKind[] KINDS = ProcKind.values(); // same order as enum proc_kind
    /** The wait status' parts (include/uapi/linux/wait.h's W* macros). */
    private static final int SIGNAL_MASK = 0x7f;
    private static final int CORE_DUMPED = 0x80;

    private final ProcEvent event = new ProcEvent();
    private final EventHeader header = new EventHeader();

    public ProcEvent decode(MemorySegment record) {
        EventHeaderDecoder.decode(record, header);
        clear();
        event.setHeader(header);
        ProcKind kind = KINDS[record.get(JAVA_BYTE, KIND)];
        event.setKind(kind);
        event.setPpid(record.get(JAVA_INT, PPID));
        switch (kind) {
            case EXEC -> {
                int filenameLength = Short.toUnsignedInt(record.get(JAVA_SHORT, NAME_LEN));
                int argvLength = Short.toUnsignedInt(record.get(JAVA_SHORT, ARGV_LEN));
                event.setFilename(bytes(record, TAIL, filenameLength));
                event.setArgv(bytes(record, TAIL + filenameLength, argvLength));
                event.setArgvTruncated(record.get(JAVA_BYTE, ARGV_TRUNCATED) != 0);
                event.setOldPid(record.get(JAVA_INT, OLD_PID));
            }
            case FORK -> {
                event.setParentPid(header.getPid());
                event.setParentTid(header.getTid());
                event.setChildPid(record.get(JAVA_INT, CHILD_PID));
                event.setChildTid(record.get(JAVA_INT, CHILD_TID));
                event.setChildIsThread(record.get(JAVA_BYTE, CHILD_IS_THREAD) != 0);
            }
            case EXIT -> {
                int status = record.get(JAVA_INT, EXIT_CODE);
                int signal = status & SIGNAL_MASK;
                if (signal == 0) {
                    event.setExitCode((status >> 8) & 0xff);
                } else {
                    event.setExitSignal(signal);
                    event.setCoreDumped((status & CORE_DUMPED) != 0);
                }
                event.setLastThread(record.get(JAVA_BYTE, LAST_THREAD) != 0);
            }
            case RENAME -> {
                event.setRenamedTid(record.get(JAVA_INT, RENAMED_TID));
                event.setOldComm(EventHeaderDecoder.comm(record, OLD_COMM));
                event.setNewComm(EventHeaderDecoder.comm(record, NEW_COMM));
            }
            case CGROUP_MKDIR -> {
                event.setNewCgroupId(record.get(JAVA_LONG, NEW_CGROUP_ID));
                event.setCgroupPath(bytes(record, TAIL, Short.toUnsignedInt(record.get(JAVA_SHORT, NAME_LEN))));
            }
            default -> throw new IllegalStateException("proc record of kind " + kind);
        }
        return event;
    }

    /** The record is reused: what the previous kind set must not leak into this one. */
    private void clear() {
        event.setFilename(null);
        event.setArgv(null);
        event.setArgvTruncated(null);
        event.setOldPid(null);
        event.setParentPid(null);
        event.setParentTid(null);
        event.setChildPid(null);
        event.setChildTid(null);
        event.setChildIsThread(null);
        event.setExitCode(null);
        event.setExitSignal(null);
        event.setCoreDumped(null);
        event.setLastThread(null);
        event.setRenamedTid(null);
        event.setOldComm(null);
        event.setNewComm(null);
        event.setNewCgroupId(null);
        event.setCgroupPath(null);
    }

    private static ByteBuffer bytes(MemorySegment record, long offset, int length) {
        return ByteBuffer.wrap(record.asSlice(offset, length).toArray(JAVA_BYTE));
    }
}
