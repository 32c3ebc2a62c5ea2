package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * Signals by sender, target, signal and fate; and signals sent per sending process. A sent signal counts once:
 * the kernel's record of it is its fate ({@link SignalPairing}), so this tally must see the kills stream in
 * recorded order.
 */
public final class KillTally implements RecordVisitor {
    /**
     * Who signalled whom with what, and what became of it.
     *
     * @param targetPid the process the sender named (a thread's id only for a signal the kernel raised itself)
     * @param fate      the kernel's TRACE_SIGNAL_* code, {@link SignalPairing#MIXED_FATES}, or
     *                  {@link SignalPairing#NO_FATE}
     */
    public record SignalKey(ProcessKey sender, int targetPid, int signal, int fate) implements Comparable<SignalKey> {
        private static final Comparator<SignalKey> ORDER = Comparator.comparing(SignalKey::sender)
                .thenComparingInt(SignalKey::targetPid).thenComparingInt(SignalKey::signal)
                .thenComparingInt(SignalKey::fate);

        @Override
        public int compareTo(SignalKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final Tally<SignalKey> signals = new Tally<>();
    private final Tally<ProcessKey> senders = new Tally<>();
    private final ByteInterner comms = new ByteInterner();
    private final SignalPairing pairing = new SignalPairing(this::count);
    private final ProcessLives lives = new ProcessLives();
    private final boolean oneRowPerProcess;

    public KillTally() {
        this(false);
    }

    /** @param oneRowPerProcess key senders by process as the process timeline knows them (pid and start) */
    public KillTally(boolean oneRowPerProcess) {
        this.oneRowPerProcess = oneRowPerProcess;
    }

    @Override
    public Set<OptionalField> reads() {
        Set<OptionalField> reads = EnumSet.of(OptionalField.THREAD_AND_USER); // pairs a send with its fate by thread
        if (oneRowPerProcess) {
            reads.add(OptionalField.CGROUP_AND_CPU); // the sender's service
        }
        return reads;
    }

    @Override
    public void kill(Recording recording, KillEvent e) {
        pairing.kill(recording, e);
    }

    private void count(Recording recording, KillEvent e, int fate) {
        ByteString comm = comms.intern(e.getHeader().getComm());
        ProcessKey sender = oneRowPerProcess ? lives.key(recording, e.getHeader(), comm)
                : new ProcessKey(recording.index(), e.getHeader().getPid(), comm);
        // a kernel-raised signal's result is its fate, not an error: it never fails, as record -x has it
        boolean failed = e.getSyscall() != KillSyscall.SIGNAL_GENERATE && e.getResult() < 0;
        signals.add(new SignalKey(sender, e.getTargetPid(), e.getSignal(), fate), failed);
        senders.add(sender, failed);
    }

    public void merge(KillTally other) {
        other.pairing.finish();
        pairing.finish();
        signals.merge(other.signals);
        senders.merge(other.senders);
        lives.merge(other.lives);
    }

    public Tally<SignalKey> signals() {
        pairing.finish();
        return signals;
    }

    /** The first signal of each sender, when each sender is one process. */
    public ProcessLives lives() {
        return lives;
    }

    public Tally<ProcessKey> senders() {
        pairing.finish();
        return senders;
    }
}
