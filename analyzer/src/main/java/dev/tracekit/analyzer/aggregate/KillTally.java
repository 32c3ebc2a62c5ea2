package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/** Signals by sender, target and signal; and signals sent per sending process. */
public final class KillTally implements RecordVisitor {
    /** Who signalled whom with what. */
    public record SignalKey(ProcessKey sender, int targetPid, int signal) implements Comparable<SignalKey> {
        private static final Comparator<SignalKey> ORDER = Comparator.comparing(SignalKey::sender)
                .thenComparingInt(SignalKey::targetPid).thenComparingInt(SignalKey::signal);

        @Override
        public int compareTo(SignalKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final Tally<SignalKey> signals = new Tally<>();
    private final Tally<ProcessKey> senders = new Tally<>();
    private final ByteInterner comms = new ByteInterner();

    @Override
    public Set<OptionalField> reads() {
        return EnumSet.noneOf(OptionalField.class); // it reads pid, comm, target, signal and result: none optional
    }

    @Override
    public void kill(Recording recording, KillEvent e) {
        ProcessKey sender = new ProcessKey(recording.index(), e.getHeader().getPid(),
                comms.intern(e.getHeader().getComm()));
        boolean failed = e.getSyscall() != KillSyscall.SIGNAL_GENERATE && e.getResult() < 0;
        signals.add(new SignalKey(sender, e.getTargetPid(), e.getSignal()), failed);
        senders.add(sender, failed);
    }

    public void merge(KillTally other) {
        signals.merge(other.signals);
        senders.merge(other.senders);
    }

    public Tally<SignalKey> signals() {
        return signals;
    }

    public Tally<ProcessKey> senders() {
        return senders;
    }
}
