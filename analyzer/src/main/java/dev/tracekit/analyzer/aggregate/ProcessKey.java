package dev.tracekit.analyzer.aggregate;

import java.util.Comparator;

/**
 * A process as results show it: its recording (so the host stays), pid and thread name. Threads of one pid
 * that name themselves differently are separate rows, as in the kernel's view.
 */
public record ProcessKey(int recording, int pid, ByteString comm) implements Comparable<ProcessKey> {
    private static final Comparator<ProcessKey> ORDER = Comparator.comparingInt(ProcessKey::recording)
            .thenComparingInt(ProcessKey::pid).thenComparing(ProcessKey::comm);

    @Override
    public int compareTo(ProcessKey other) {
        return ORDER.compare(this, other);
    }
}
