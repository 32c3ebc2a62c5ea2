package dev.tracekit.analyzer.input;

import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.util.Set;

final class OpenEventDecoder implements RecordDecoder<OpenEvent> {
    private final EventHeaderDecoder header;

    OpenEventDecoder(Set<OptionalField> reads) {
        this.header = new EventHeaderDecoder(reads);
    }

    private static final OpenSyscall[] SYSCALLS = OpenSyscall.values();

    @Override
    public OpenEvent newRecord() {
        return new OpenEvent(EventHeaderDecoder.newHeader(), OpenSyscall.OPENAT, 0, null, false, 0L, 0, 0L, 0);
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
        return e;
    }
}
