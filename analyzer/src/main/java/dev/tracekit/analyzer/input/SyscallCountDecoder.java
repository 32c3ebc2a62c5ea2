package dev.tracekit.analyzer.input;

import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import java.util.ArrayList;
import java.util.List;

final class SyscallCountDecoder implements LeadingFieldsDecoder<SyscallCount> {
    private static final SyscallAbi[] ABIS = SyscallAbi.values();
    /** abi came with 1.2: files of earlier versions end their records before it (ReadPath.LEADING_FIELDS). */
    private static final int ABI_FIELD = SyscallCount.getClassSchema().getField("abi").pos();

    private int writerFields = ABI_FIELD + 1;

    @Override
    public void writerFields(int fields) {
        writerFields = fields;
    }

    @Override
    public SyscallCount newRecord() {
        return new SyscallCount(0L, 0L, 0, null, 0, 0L, 0L, null, null, null);
    }

    @Override
    public SyscallCount read(AvroCursor in, SyscallCount c) throws CorruptInputException {
        c.setIntervalStartNs(in.readLong());
        c.setIntervalEndNs(in.readLong());
        c.setPid(in.readInt());
        c.setComm(in.readBytes(c.getComm()));
        c.setSyscall(in.readInt());
        c.setCount(in.readLong());
        c.setErrors(in.readLong());
        c.setLatencyTotalNs(in.readIndex(2) == 0 ? null : in.readLong());
        c.setLatencyLog2Hist(in.readIndex(2) == 0 ? null : readLongs(in));
        c.setAbi(writerFields <= ABI_FIELD || in.readIndex(2) == 0 ? null : ABIS[in.readIndex(ABIS.length)]);
        return c;
    }

    /** Count rows are few (one per process, syscall and interval), so a fresh list each is fine. */
    private static List<Long> readLongs(AvroCursor in) throws CorruptInputException {
        List<Long> values = new ArrayList<>();
        for (long n = in.readBlockCount(); n != 0; n = in.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                values.add(in.readLong());
            }
        }
        return values;
    }
}
