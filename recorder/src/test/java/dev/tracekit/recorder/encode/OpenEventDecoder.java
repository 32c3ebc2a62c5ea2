package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.layout.TracekitStructs.OPEN_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.tracekit.recorder.decode.EventHeaderDecoder;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The reference the direct encoding is tested against (the recorder's path before it): decodes
 * {@code struct open_event} and the path after it into one reused {@link OpenEvent}.
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
    private static final long PATH = OPEN_EVENT.byteSize();
    private static final OpenSyscall[] SYSCALLS = OpenSyscall.values(); // same order as enum open_syscall

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
        return event;
    }
}
