package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where each recording's syscall numbers come from: the in-kernel counts (cheap, complete) when it has them,
 * else its per-event records. A recording that has both uses the events when a filter needs what counts do
 * not carry (thread, user, errno). Never both: that would count every call twice.
 */
public final class SyscallSource {
    private final boolean[] useCounts;
    private final boolean[] useEvents;

    private SyscallSource(boolean[] useCounts, boolean[] useEvents) {
        this.useCounts = useCounts;
        this.useEvents = useEvents;
    }

    public static SyscallSource choose(List<Recording> recordings, FilterSpec filters) {
        return choose(recordings, filters, false);
    }

    /**
     * @param latency latency is asked for: per-event durations answer where counts were recorded without it
     *                (or their header does not say)
     */
    public static SyscallSource choose(List<Recording> recordings, FilterSpec filters, boolean latency) {
        boolean needsEvents = !filters.tids().isEmpty() || !filters.uids().isEmpty() || !filters.errnos().isEmpty();
        // indexed by the catalog's index: --host hands in some recordings, not always the first ones
        int size = recordings.stream().mapToInt(Recording::index).max().orElse(-1) + 1;
        boolean[] counts = new boolean[size];
        boolean[] events = new boolean[size];
        for (Recording recording : recordings) {
            boolean hasCounts = recording.has(RecordingStream.SYSCALL_COUNTS);
            boolean hasEvents = recording.has(RecordingStream.SYSCALL_EVENTS);
            boolean countsLackLatency = latency && !recording.countsCarryLatency().orElse(false);
            boolean viaEvents = hasEvents && (!hasCounts || needsEvents || countsLackLatency);
            events[recording.index()] = viaEvents;
            counts[recording.index()] = hasCounts && !viaEvents;
        }
        return new SyscallSource(counts, events);
    }

    /** False for a recording not chosen for (one --host leaves out): its syscall records are not read. */
    public boolean usesCounts(Recording recording) {
        return recording.index() < useCounts.length && useCounts[recording.index()];
    }

    public boolean usesEvents(Recording recording) {
        return recording.index() < useEvents.length && useEvents[recording.index()];
    }

    /** The family whose losses affect this recording's syscall figures. */
    public Family family(Recording recording) {
        return usesEvents(recording) ? Family.SYSCALL_EVENTS : Family.SYSCALL_COUNTS;
    }

    /** The streams to read for the syscall figures. */
    public Set<RecordingStream> streams() {
        Set<RecordingStream> streams = EnumSet.noneOf(RecordingStream.class);
        for (int i = 0; i < useCounts.length; i++) {
            if (useCounts[i]) {
                streams.add(RecordingStream.SYSCALL_COUNTS);
            }
            if (useEvents[i]) {
                streams.add(RecordingStream.SYSCALL_EVENTS);
            }
        }
        return streams;
    }
}
