package dev.tracekit.analyzer.input;

import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

final class SyscallEventDecoder implements LeadingFieldsDecoder<SyscallEvent> {
    private static final SyscallAbi[] ABIS = SyscallAbi.values();
    /** abi came with 1.2: files of earlier versions end their records before it (ReadPath.LEADING_FIELDS). */
    private static final int ABI_FIELD = SyscallEvent.getClassSchema().getField("abi").pos();

    private final EventHeaderDecoder header;
    private final boolean args;
    private int writerFields = ABI_FIELD + 1;

    SyscallEventDecoder(Set<OptionalField> reads) {
        this.header = new EventHeaderDecoder(reads);
        this.args = reads.contains(OptionalField.SYSCALL_ARGS);
    }

    @Override
    public void writerFields(int fields) {
        writerFields = fields;
    }

    @Override
    public SyscallEvent newRecord() {
        return new SyscallEvent(EventHeaderDecoder.newHeader(), 0, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, null);
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
        e.setAbi(writerFields <= ABI_FIELD || in.readIndex(2) == 0 ? null : ABIS[in.readIndex(ABIS.length)]);
        return e;
    }
}
