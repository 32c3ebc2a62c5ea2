package dev.tracekit.analyzer.input;

import dev.tracekit.schema.SyscallEvent;

final class SyscallEventDecoder implements RecordDecoder<SyscallEvent> {
    @Override
    public SyscallEvent newRecord() {
        return new SyscallEvent(EventHeaderDecoder.newHeader(), 0, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }

    @Override
    public SyscallEvent read(AvroCursor in, SyscallEvent e) throws CorruptInputException {
        EventHeaderDecoder.read(in, e.getHeader());
        e.setSyscall(in.readInt());
        e.setArg0(in.readLong());
        e.setArg1(in.readLong());
        e.setArg2(in.readLong());
        e.setArg3(in.readLong());
        e.setArg4(in.readLong());
        e.setArg5(in.readLong());
        e.setRet(in.readLong());
        e.setDurationNs(in.readLong());
        return e;
    }
}
