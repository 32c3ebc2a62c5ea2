package dev.tracekit.analyzer.input;

import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

final class SyscallEventDecoder implements RecordDecoder<SyscallEvent> {
    private final EventHeaderDecoder header;
    private final boolean args;

    SyscallEventDecoder(Set<OptionalField> reads) {
        this.header = new EventHeaderDecoder(reads);
        this.args = reads.contains(OptionalField.SYSCALL_ARGS);
    }

    @Override
    public SyscallEvent newRecord() {
        return new SyscallEvent(EventHeaderDecoder.newHeader(), 0, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }

    @Override
    public SyscallEvent read(AvroCursor in, SyscallEvent e) throws CorruptInputException {
        header.read(in, e.getHeader());
        e.setSyscall(in.readInt());
        if (args) {
            e.setArg0(in.readLong());
            e.setArg1(in.readLong());
            e.setArg2(in.readLong());
            e.setArg3(in.readLong());
            e.setArg4(in.readLong());
            e.setArg5(in.readLong());
        } else {
            in.skipLongs(6);
        }
        e.setRet(in.readLong());
        e.setDurationNs(in.readLong());
        return e;
    }
}
