package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Joins each signal a syscall sent to the {@code signal_generate} records the kernel wrote for it, so that a
 * sent signal is one signal, with what became of it (its fate) beside it.
 *
 * <p>The kernel raises {@code signal:signal_generate} inside the sending syscall, on the sender's thread, before
 * that syscall's exit record: so a sender thread's generate records are followed by the exit of its send,
 * with no other record of that thread between them (a group kill generates one per process it reaches).
 * Generate records that are not followed so (SIGCHLD, SIGSEGV, SIGPIPE, or a send whose exit was lost) are
 * signals the kernel raised itself and pass on as they are, their fate their own result.
 *
 * <p>Needs the kills stream in recorded order. Records are passed on in that order; only while a generate
 * record waits for its send are later records held (copied), at most {@link #WAIT_NS} of recorded time.
 */
public final class SignalPairing {
    /** A send that the kernel recorded nothing for: no kernel-signals in the recording, signal 0, a failure. */
    public static final int NO_FATE = -1;
    /** The kernel's TRACE_SIGNAL_* codes differed between the processes a group kill reached. */
    public static final int MIXED_FATES = 5;
    /**
     * How long a generate record waits for its send's exit. The exit follows within microseconds unless the
     * sender is preempted in between; past this the signal is taken for the kernel's own.
     */
    static final long WAIT_NS = 50_000_000L;

    /** Receives each signal once: a send with its fate, or a signal the kernel raised itself. */
    public interface Signals {
        void signal(Recording recording, KillEvent event, int fate);
    }

    private static final class Held {
        final Recording recording;
        final KillEvent event;
        int fate;
        boolean resolved;
        boolean joined;

        Held(Recording recording, KillEvent event, int fate, boolean resolved) {
            this.recording = recording;
            this.event = event;
            this.fate = fate;
            this.resolved = resolved;
        }
    }

    private final Signals out;
    private final Deque<Held> held = new ArrayDeque<>();
    /** Generate records waiting for their send, by sender thread. */
    private final Map<Integer, List<Held>> waiting = new HashMap<>();
    private Recording current;

    public SignalPairing(Signals out) {
        this.out = out;
    }

    /** The next kill record in recorded order. */
    public void kill(Recording recording, KillEvent e) {
        if (recording != current) {
            finish();
            current = recording;
        }
        long ts = e.getHeader().getTsNs();
        expireBefore(ts - WAIT_NS);
        int tid = e.getHeader().getTid();
        if (e.getSyscall() == KillSyscall.SIGNAL_GENERATE) {
            Held generated = new Held(recording, copy(e), e.getResult(), false);
            held.add(generated);
            waiting.computeIfAbsent(tid, t -> new ArrayList<>()).add(generated);
            return;
        }
        int fate = NO_FATE;
        List<Held> generated = waiting.remove(tid);
        if (generated != null) {
            for (Held g : generated) {
                g.resolved = true;
                if (g.event.getSignal() == e.getSignal()) {
                    g.joined = true;
                    fate = fate == NO_FATE || fate == g.fate ? g.fate : MIXED_FATES;
                }
            }
        }
        if (held.isEmpty()) {
            out.signal(recording, e, fate); // the common case: nothing to wait for, nothing copied
        } else {
            held.add(new Held(recording, copy(e), fate, true));
        }
        release();
    }

    /** Passes on everything held: call at the end of the stream. */
    public void finish() {
        waiting.clear();
        held.forEach(h -> h.resolved = true);
        release();
    }

    private void expireBefore(long ns) {
        if (waiting.isEmpty()) {
            return;
        }
        for (Iterator<List<Held>> lists = waiting.values().iterator(); lists.hasNext(); ) {
            List<Held> generated = lists.next();
            generated.removeIf(g -> {
                g.resolved = g.event.getHeader().getTsNs() < ns;
                return g.resolved;
            });
            if (generated.isEmpty()) {
                lists.remove();
            }
        }
        release();
    }

    private void release() {
        while (!held.isEmpty() && held.peek().resolved) {
            Held h = held.poll();
            if (!h.joined) {
                out.signal(h.recording, h.event, h.fate);
            }
        }
    }

    /** Decoders reuse their records and the block bytes under them; a record kept for later needs its own. */
    private static KillEvent copy(KillEvent e) {
        return KillEvent.newBuilder(e).build();
    }
}
