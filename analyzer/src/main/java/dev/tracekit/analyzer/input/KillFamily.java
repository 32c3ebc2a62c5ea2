package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.util.Locale;
import java.util.Set;

/** Signals sent by kill, tgkill, tkill, pidfd_send_signal, rt_sigqueueinfo, and those the kernel generates. */
final class KillFamily extends FamilyDescriptor<KillEvent> {
    KillFamily() {
        super(RecordingStream.KILLS);
    }

    @Override
    RecordDecoder<KillEvent> decoder(Set<OptionalField> reads) {
        return new KillEventDecoder(reads);
    }

    @Override
    void decodeAll(AvroCursor in, long count, RecordDecoder<KillEvent> decoder, KillEvent reuse, Recording recording,
            RecordVisitor visitor) throws CorruptInputException {
        for (long i = 0; i < count; i++) {
            visitor.record(recording, this, decoder.read(in, reuse));
        }
    }

    @Override
    public void visit(RecordVisitor visitor, Recording recording, KillEvent record) {
        visitor.kill(recording, record);
    }

    @Override
    public EventHeader header(KillEvent record) {
        return record.getHeader();
    }

    @Override
    public String syscallName(KillEvent record) {
        return record.getSyscall().name().toLowerCase(Locale.ROOT);
    }

    /** A kernel-generated signal's result is its delivery code (its fate), not an errno: it never fails. */
    @Override
    public int errno(KillEvent record) {
        return record.getSyscall() != KillSyscall.SIGNAL_GENERATE && record.getResult() < 0 ? -record.getResult() : 0;
    }

    @Override
    public int signal(KillEvent record) {
        return record.getSignal();
    }

    @Override
    public int targetPid(KillEvent record) {
        return record.getTargetPid();
    }
}
