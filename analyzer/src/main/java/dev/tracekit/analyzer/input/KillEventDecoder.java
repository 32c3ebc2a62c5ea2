package dev.tracekit.analyzer.input;

import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.util.Set;

final class KillEventDecoder implements RecordDecoder<KillEvent> {
    private final EventHeaderDecoder header;

    KillEventDecoder(Set<OptionalField> reads) {
        this.header = new EventHeaderDecoder(reads);
    }

    private static final KillSyscall[] SYSCALLS = KillSyscall.values();

    @Override
    public KillEvent newRecord() {
        return new KillEvent(EventHeaderDecoder.newHeader(), KillSyscall.KILL, 0, 0, 0, 0);
    }

    @Override
    public KillEvent read(AvroCursor in, KillEvent e) throws CorruptInputException {
        header.read(in, e.getHeader());
        e.setSyscall(SYSCALLS[in.readIndex(SYSCALLS.length)]);
        e.setTargetPid(in.readInt());
        e.setTargetTid(in.readInt());
        e.setSignal(in.readInt());
        e.setResult(in.readInt());
        return e;
    }
}
