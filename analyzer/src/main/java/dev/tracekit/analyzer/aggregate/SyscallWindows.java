package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Syscalls of a recording that is being written, summed per time window ({@code syscalls --follow}): each window
 * has a {@link SyscallTally} of its own, with the windows of {@code syscalls --interval} (from the recording's start),
 * handed over once the recorder's intervals have passed its end and then forgotten, so memory holds the windows
 * still open, not the recording.
 */
public final class SyscallWindows implements RecordVisitor {
    private final SyscallSource source;
    private final long windowNs;
    private final boolean histograms;
    private final SyscallGrouping keys;
    private final TreeMap<Long, SyscallTally> open = new TreeMap<>();
    private long next;

    public SyscallWindows(SyscallSource source, long windowNs, boolean histograms, SyscallGrouping keys) {
        if (windowNs <= 0) {
            throw new IllegalArgumentException("windows need a width");
        }
        this.source = source;
        this.windowNs = windowNs;
        this.histograms = histograms;
        this.keys = keys;
    }

    private SyscallTally window(Recording recording, long bootNs) {
        long bucket = Math.floorDiv(bootNs - recording.startBootNs().orElse(0), windowNs);
        return open.computeIfAbsent(Math.max(bucket, next), b -> new SyscallTally(source, windowNs, histograms, keys));
    }

    @Override
    public Set<OptionalField> reads() {
        return EnumSet.noneOf(OptionalField.class);
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount count) {
        window(recording, count.getIntervalStartNs()).syscallCount(recording, count);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        window(recording, event.getHeader().getTsNs()).syscallEvent(recording, event);
    }

    /**
     * Hands over, in time order, every window that ends at or before {@code upToNs} on the recording's boot clock,
     * empty ones too (a quiet window is a result), with its start.
     */
    public void closeUpTo(Recording recording, long upToNs, BiConsumer<Long, SyscallTally> windows) {
        long start = recording.startBootNs().orElse(0);
        while (start + (next + 1) * windowNs <= upToNs) {
            SyscallTally tally = open.remove(next);
            windows.accept(start + next * windowNs,
                    tally != null ? tally : new SyscallTally(source, windowNs, histograms, keys));
            next++;
        }
    }

    /** Hands over every window still open, the last one unfinished, when the recording ended. */
    public void closeAll(Recording recording, BiConsumer<Long, SyscallTally> windows) {
        long start = recording.startBootNs().orElse(0);
        long last = open.isEmpty() ? next - 1 : open.lastKey();
        closeUpTo(recording, start + (last + 1) * windowNs, windows);
    }
}
