package dev.tracekit.analyzer.input;

import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;

final class KillEventDecoder implements RecordDecoder<KillEvent> {
    private static final KillSyscall[] SYSCALLS = KillSyscall.values();

    @Override
    public KillEvent newRecord() {
        return new KillEvent(EventHeaderDecoder.newHeader(), KillSyscall.KILL, 0, 0, 0, 0);
    }

    @Override
    public KillEvent read(AvroCursor in, KillEvent e) throws CorruptInputException {
        EventHeaderDecoder.read(in, e.getHeader());
        e.setSyscall(SYSCALLS[in.readIndex(SYSCALLS.length)]);
        e.setTargetPid(in.readInt());
        e.setTargetTid(in.readInt());
        e.setSignal(in.readInt());
        e.setResult(in.readInt());
        return e;
    }
}
