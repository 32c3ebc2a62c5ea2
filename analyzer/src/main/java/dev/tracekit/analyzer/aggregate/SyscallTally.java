package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.names.Errnos;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums syscalls per (recording, process, syscall, time window) from counts or events, as {@link SyscallSource}
 * decides per recording. Grouping coarser (per syscall, per process) happens when rows are asked for, so
 * one pass serves every {@code --by}.
 */
public final class SyscallTally implements RecordVisitor {
    /** A row's key once grouped; built only when rows are asked for, never per event. */
    private record Key(int recording, int pid, ByteString comm, int syscall, long bucket) {
    }

    private final SyscallSource source;
    private final long windowNs;
    private final SyscallKeyTable stats = new SyscallKeyTable();
    private final ByteInterner comms = new ByteInterner();

    /** @param windowNs width of the time windows, or 0 for one window over the whole recording */
    public SyscallTally(SyscallSource source, long windowNs) {
        this.source = source;
        this.windowNs = windowNs;
    }

    private long bucket(Recording recording, long bootNs) {
        return windowNs == 0 ? 0 : Math.floorDiv(bootNs - recording.startBootNs().orElse(0), windowNs);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent e) {
        if (!source.usesEvents(recording)) {
            return;
        }
        stats.get(recording.index(), e.getHeader().getPid(), comms.intern(e.getHeader().getComm()), e.getSyscall(),
                        bucket(recording, e.getHeader().getTsNs()))
                .addEvent(Errnos.ofReturnValue(e.getRet()) != 0, e.getDurationNs());
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount c) {
        if (!source.usesCounts(recording)) {
            return;
        }
        stats.get(recording.index(), c.getPid(), comms.intern(c.getComm()), c.getSyscall(),
                        bucket(recording, c.getIntervalStartNs()))
                .addCounts(c.getCount(), c.getErrors(), c.getLatencyTotalNs(), c.getLatencyLog2Hist());
    }

    /** Adds another thread's sums into this one. */
    public void merge(SyscallTally other) {
        other.stats.forEach((recording, pid, comm, syscall, bucket, s) ->
                stats.get(recording, pid, comm, syscall, bucket).add(s));
    }

    /** Rows grouped as asked, sorted by the measure (largest first), ties by recording, window and key. */
    public List<SyscallRow> rows(SyscallGrouping grouping, SyscallOrder order) {
        Map<Key, SyscallStats> grouped = new HashMap<>();
        stats.forEach((recording, pid, comm, syscall, bucket, s) -> {
            Key coarse = new Key(recording,
                    grouping.byProcess() ? pid : -1,
                    grouping.byProcess() ? comm : null,
                    grouping.bySyscall() ? syscall : -1,
                    bucket);
            grouped.computeIfAbsent(coarse, k -> new SyscallStats()).add(s);
        });
        List<SyscallRow> rows = new ArrayList<>();
        grouped.forEach((k, s) -> rows.add(new SyscallRow(k.recording(), k.pid(), k.comm(), k.syscall(), k.bucket(), s)));
        rows.sort(Comparator.comparingLong((SyscallRow r) -> -order.measure(r.stats()))
                .thenComparingInt(SyscallRow::recording)
                .thenComparingLong(SyscallRow::bucket)
                .thenComparingInt(SyscallRow::syscall)
                .thenComparingInt(SyscallRow::pid)
                .thenComparing(SyscallRow::comm, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }
}
