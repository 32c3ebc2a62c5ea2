package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.EventHeader;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Which process each event came from, for results whose rows are one process each ({@code --with}): its pid and
 * start time as the recording's process timeline knows it, so a reused pid makes two rows. Each row's first event is
 * kept, so that the row's process context shows the process as it was then, as a replay's row of that event would.
 * Rows keyed by pid and name alone ({@code top}'s processes) keep their first event here too ({@link #seen}).
 * Grows with the processes seen, not with the events.
 */
public final class ProcessLives {
    /** An event of a row's process: when, and in which cgroup (-1: a count row's, which names none). */
    public record Sighting(int pid, long tsNs, long cgroupId) {
    }

    /** The earliest first; cgroup ids only break ties, so that merging threads' parts gives one answer. */
    private static final Comparator<Sighting> EARLIER = Comparator.comparingLong(Sighting::tsNs)
            .thenComparingLong(Sighting::cgroupId);

    private final Map<ProcessKey, Sighting> first = new HashMap<>();

    /** The key of the header's process, shown by the name {@code comm}; the event is kept if it is the key's first. */
    ProcessKey key(Recording recording, EventHeader header, ByteString comm) {
        long start = recording.timeline().at(header.getPid(), header.getTsNs())
                .map(ProcessTimeline.Process::startNs).orElse(ProcessKey.ANY_START);
        ProcessKey key = new ProcessKey(recording.index(), header.getPid(), comm, start);
        seen(key, new Sighting(header.getPid(), header.getTsNs(), header.getCgroupId()));
        return key;
    }

    /** Keeps the sighting if it is the earliest of the key's so far. */
    void seen(ProcessKey key, Sighting sighting) {
        first.merge(key, sighting, (known, now) -> EARLIER.compare(now, known) < 0 ? now : known);
    }

    void merge(ProcessLives other) {
        other.first.forEach(this::seen);
    }

    /** The first event counted for the key, or null for a key this never made. */
    public Sighting firstOf(ProcessKey key) {
        return first.get(key);
    }
}
