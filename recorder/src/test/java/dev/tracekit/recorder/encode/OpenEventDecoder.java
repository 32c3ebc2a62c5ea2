package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.layout.TracekitStructs.OPEN_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.tracekit.recorder.decode.EventHeaderDecoder;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The reference the direct encoding is tested against (the recorder's path before it): decodes
 * {@code struct open_event}, the path after it and the directory after that into one reused {@link OpenEvent}.
 * The kernel sends a relative path's directory (ending in '/') apart from the path, so the path it copied from
 * user memory is not sent twice; the full path is the two joined.
 */
public final class OpenEventDecoder {
    private static final long DIRFD = offset(OPEN_EVENT, "dirfd");
    private static final long RESULT = offset(OPEN_EVENT, "result");
    private static final long FLAGS = offset(OPEN_EVENT, "flags");
    private static final long RESOLVE = offset(OPEN_EVENT, "resolve");
    private static final long MODE = offset(OPEN_EVENT, "mode");
    private static final long PATH_LEN = offset(OPEN_EVENT, "path_len");
    private static final long SYSCALL = offset(OPEN_EVENT, "syscall");
    private static final long PATH_TRUNCATED = offset(OPEN_EVENT, "path_truncated");
    private static final long DIR_LEN = offset(OPEN_EVENT, "dir_len");
    private static final long FULL_PATH_STATUS = offset(OPEN_EVENT, "full_path_status");
    private static final long PATH = OPEN_EVENT.byteSize();
    private static final OpenSyscall[] SYSCALLS = OpenSyscall.values(); // same order as enum open_syscall
    private static final FullPathStatus[] STATUSES = FullPathStatus.values(); // indexed by enum full_path_status

    private final OpenEvent event = new OpenEvent();
    private final EventHeader header = new EventHeader();

    public OpenEvent decode(MemorySegment record) {
        EventHeaderDecoder.decode(record, header);
        int pathLength = Short.toUnsignedInt(record.get(JAVA_SHORT, PATH_LEN));
        event.setHeader(header);
        event.setSyscall(SYSCALLS[record.get(JAVA_BYTE, SYSCALL)]);
        event.setDirfd(record.get(JAVA_INT, DIRFD));
        event.setPath(ByteBuffer.wrap(record.asSlice(PATH, pathLength).toArray(JAVA_BYTE)));
        event.setPathTruncated(record.get(JAVA_BYTE, PATH_TRUNCATED) != 0);
        event.setFlags(record.get(JAVA_LONG, FLAGS));
        event.setMode(record.get(JAVA_INT, MODE));
        event.setResolve(record.get(JAVA_LONG, RESOLVE));
        event.setResult(record.get(JAVA_INT, RESULT));
        FullPathStatus status = STATUSES[record.get(JAVA_BYTE, FULL_PATH_STATUS)];
        event.setFullPathStatus(status);
        event.setFullPath(switch (status) {
            case RESOLVED, TOO_DEEP, TOO_LONG -> {
                int dirLength = Short.toUnsignedInt(record.get(JAVA_SHORT, DIR_LEN));
                byte[] full = new byte[dirLength + pathLength];
                MemorySegment.copy(record, JAVA_BYTE, PATH + pathLength, full, 0, dirLength);
                MemorySegment.copy(record, JAVA_BYTE, PATH, full, dirLength, pathLength);
                yield ByteBuffer.wrap(full);
            }
            default -> null; // absolute (the path is the full path), failed or empty: no directory was sent
        });
        return event;
    }
}
