package dev.tracekit.analyzer.input;

import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * OpenEvent as 1.2 writes it, and as 1.0 and 1.1 wrote it: the same fields without full_path and its status
 * at the end, which then read as their defaults (null, NOT_RECORDED).
 */
final class OpenEventDecoder implements LeadingFieldsDecoder<OpenEvent> {
    private static final OpenSyscall[] SYSCALLS = OpenSyscall.values();
    private static final FullPathStatus[] STATUSES = FullPathStatus.values();

    /** full_path came with 1.2, full_path_status after it: files of earlier versions end their records before it. */
    private static final int FULL_PATH_FIELD = OpenEvent.getClassSchema().getField("full_path").pos();

    private final EventHeaderDecoder header;
    /** full_path's buffer, kept across records without one (most opens are absolute) for the next that has one. */
    private ByteBuffer fullPath;
    private int writerFields = FULL_PATH_FIELD + 2;

    OpenEventDecoder(Set<OptionalField> reads) {
        this.header = new EventHeaderDecoder(reads);
    }

    @Override
    public void writerFields(int fields) {
        writerFields = fields;
    }

    @Override
    public OpenEvent newRecord() {
        return new OpenEvent(EventHeaderDecoder.newHeader(), OpenSyscall.OPENAT, 0, null, false, 0L, 0, 0L, 0, null,
                FullPathStatus.NOT_RECORDED);
    }

    @Override
    public OpenEvent read(AvroCursor in, OpenEvent e) throws CorruptInputException {
        header.read(in, e.getHeader());
        e.setSyscall(SYSCALLS[in.readIndex(SYSCALLS.length)]);
        e.setDirfd(in.readInt());
        e.setPath(in.readBytes(e.getPath()));
        e.setPathTruncated(in.readBoolean());
        e.setFlags(in.readLong());
        e.setMode(in.readInt());
        e.setResolve(in.readLong());
        e.setResult(in.readInt());
        if (writerFields > FULL_PATH_FIELD) {
            if (in.readIndex(2) == 1) {
                fullPath = in.readBytes(fullPath);
                e.setFullPath(fullPath);
            } else {
                e.setFullPath(null);
            }
            e.setFullPathStatus(STATUSES[in.readIndex(STATUSES.length)]);
        } else {
            e.setFullPath(null);
            e.setFullPathStatus(FullPathStatus.NOT_RECORDED);
        }
        return e;
    }
}
