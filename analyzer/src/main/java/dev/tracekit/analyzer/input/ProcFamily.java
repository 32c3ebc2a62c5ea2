package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.ProcEvent;
import java.util.Set;

/** Execs, forks, exits, renames and new cgroups: who the other families' pids were. */
final class ProcFamily extends FamilyDescriptor<ProcEvent> {
    ProcFamily() {
        super(RecordingStream.PROCS);
    }

    @Override
    RecordDecoder<ProcEvent> decoder(Set<OptionalField> reads) {
        return new ProcEventDecoder(reads);
    }

    @Override
    void decodeAll(AvroCursor in, long count, RecordDecoder<ProcEvent> decoder, ProcEvent reuse, Recording recording,
            RecordVisitor visitor) throws CorruptInputException {
        for (long i = 0; i < count; i++) {
            visitor.record(recording, this, decoder.read(in, reuse));
        }
    }

    @Override
    public void visit(RecordVisitor visitor, Recording recording, ProcEvent record) {
        visitor.proc(recording, record);
    }

    @Override
    public EventHeader header(ProcEvent record) {
        return record.getHeader();
    }

    /**
     * Execs, forks and renames cannot fail (a failed exec is not a procs record): {@code --failed} keeps the
     * exits by a non-zero code or by a signal.
     */
    @Override
    public boolean failed(ProcEvent record) {
        return record.getExitSignal() != null || record.getExitCode() != null && record.getExitCode() != 0;
    }

    /** The signal that killed the process, for an exit by one. */
    @Override
    public int signal(ProcEvent record) {
        return record.getExitSignal() == null ? NONE : record.getExitSignal();
    }
}
