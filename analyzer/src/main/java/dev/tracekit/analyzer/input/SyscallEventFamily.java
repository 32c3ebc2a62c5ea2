package dev.tracekit.analyzer.input;

import dev.tracekit.names.Errnos;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

/** Per-event syscalls ({@code --events syscall-events}): any syscall, by number, with its return value. */
final class SyscallEventFamily extends FamilyDescriptor<SyscallEvent> {
    SyscallEventFamily() {
        super(RecordingStream.SYSCALL_EVENTS);
    }

    @Override
    RecordDecoder<SyscallEvent> decoder(Set<OptionalField> reads) {
        return new SyscallEventDecoder(reads);
    }

    @Override
    public void visit(RecordVisitor visitor, Recording recording, SyscallEvent record) {
        visitor.syscallEvent(recording, record);
    }

    @Override
    void decodeAll(AvroCursor in, long count, RecordDecoder<SyscallEvent> decoder, SyscallEvent reuse, Recording recording,
            RecordVisitor visitor) throws CorruptInputException {
        for (long i = 0; i < count; i++) {
            visitor.record(recording, this, decoder.read(in, reuse));
        }
    }

    @Override
    public EventHeader header(SyscallEvent record) {
        return record.getHeader();
    }

    @Override
    public int syscallKey(SyscallEvent record) {
        return SyscallTable.keyOf(record.getSyscall(), record.getAbi());
    }

    @Override
    public int errno(SyscallEvent record) {
        return Errnos.ofReturnValue(record.getRet());
    }
}
