package dev.tracekit.analyzer.aggregate;

import java.util.Comparator;

/**
 * A process as results show it: its recording (so the host stays), pid and thread name. Threads of one pid
 * that name themselves differently are separate rows, as in the kernel's view.
 *
 * @param startNs when the process started as the recording's process timeline knows it, for rows that are one
 *                process each ({@code --with}: a reused pid is two rows); {@link #ANY_START} for rows by pid and
 *                name alone, and for a process the timeline does not know
 */
public record ProcessKey(int recording, int pid, ByteString comm, long startNs) implements Comparable<ProcessKey> {
    public static final long ANY_START = Long.MIN_VALUE;

    private static final Comparator<ProcessKey> ORDER = Comparator.comparingInt(ProcessKey::recording)
            .thenComparingInt(ProcessKey::pid).thenComparing(ProcessKey::comm).thenComparingLong(ProcessKey::startNs);

    public ProcessKey(int recording, int pid, ByteString comm) {
        this(recording, pid, comm, ANY_START);
    }

    @Override
    public int compareTo(ProcessKey other) {
        return ORDER.compare(this, other);
    }
}
