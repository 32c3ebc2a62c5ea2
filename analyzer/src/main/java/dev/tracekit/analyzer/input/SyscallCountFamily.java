package dev.tracekit.analyzer.input;

import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.SyscallCount;
import java.nio.ByteBuffer;
import java.util.Set;

/** In-kernel counts: one row per process, syscall and interval; no thread, user, cgroup or errno. */
final class SyscallCountFamily extends FamilyDescriptor<SyscallCount> {
    SyscallCountFamily() {
        super(RecordingStream.SYSCALL_COUNTS);
    }

    @Override
    RecordDecoder<SyscallCount> decoder(Set<OptionalField> reads) {
        return new SyscallCountDecoder();
    }

    @Override
    void decodeAll(AvroCursor in, long count, RecordDecoder<SyscallCount> decoder, SyscallCount reuse, Recording recording,
            RecordVisitor visitor) throws CorruptInputException {
        for (long i = 0; i < count; i++) {
            visitor.record(recording, this, decoder.read(in, reuse));
        }
    }

    @Override
    public void visit(RecordVisitor visitor, Recording recording, SyscallCount record) {
        visitor.syscallCount(recording, record);
    }

    @Override
    public EventHeader header(SyscallCount record) {
        return null;
    }

    @Override
    public long timeNs(SyscallCount record) {
        return record.getIntervalStartNs();
    }

    @Override
    public int pid(SyscallCount record) {
        return record.getPid();
    }

    @Override
    public ByteBuffer comm(SyscallCount record) {
        return record.getComm();
    }

    @Override
    public int syscallKey(SyscallCount record) {
        return SyscallTable.keyOf(record.getSyscall(), record.getAbi());
    }

    @Override
    public boolean failed(SyscallCount record) {
        return record.getErrors() > 0;
    }

    /** The row's failed calls alone; their latency is unknown, as it is recorded for all calls together. */
    @Override
    public SyscallCount failuresOf(SyscallCount record, SyscallCount scratch) {
        scratch.setIntervalStartNs(record.getIntervalStartNs());
        scratch.setIntervalEndNs(record.getIntervalEndNs());
        scratch.setPid(record.getPid());
        scratch.setComm(record.getComm());
        scratch.setSyscall(record.getSyscall());
        scratch.setAbi(record.getAbi());
        scratch.setCount(record.getErrors());
        scratch.setErrors(record.getErrors());
        scratch.setLatencyTotalNs(null);
        scratch.setLatencyLog2Hist(null);
        return scratch;
    }

    @Override
    public SyscallCount newScratch() {
        return new SyscallCount();
    }
}
