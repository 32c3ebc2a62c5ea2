package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.names.Errnos;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums syscalls per recording, time window and the key it is told (process, syscall or both), from counts or
 * events, as {@link SyscallSource} decides per recording. Rows can be asked for by that key or a coarser one.
 * Keying no finer than asked matters: per syscall there are tens of keys, which stay in the CPU's caches,
 * while per process and syscall there are thousands, each event a cache miss.
 */
public final class SyscallTally implements RecordVisitor {
    /** A row's key once grouped; built only when rows are asked for, never per event. */
    private record Key(int recording, int pid, ByteString comm, int syscall, long bucket) {
    }

    /** Told of each key's first call as read (not of the keys {@link #merge} adds): who made it, when, where. */
    public interface FirstCalls {
        /** @param cgroupId the event's cgroup, or -1 for a count row, which carries none */
        void first(Recording recording, int pid, ByteBuffer comm, long tsNs, long cgroupId);
    }

    private static final int NO_PROCESS = -1;
    private static final int NO_SYSCALL = -1;

    private final SyscallSource source;
    private final long windowNs;
    private final boolean histograms;
    private final SyscallGrouping keys;
    /** By recording index; grown as recordings appear. */
    private SyscallKeyTable[] tables = new SyscallKeyTable[0];
    private final PackedComm comms = new PackedComm();
    private final FirstCalls firstCalls;

    /**
     * @param windowNs width of the time windows, or 0 for one window over the whole recording
     * @param histograms whether to keep log2 latency histograms ({@link SyscallStats#histogram()} is null without)
     * @param keys what to sum by: {@link #rows} answers this grouping and coarser ones
     */
    public SyscallTally(SyscallSource source, long windowNs, boolean histograms, SyscallGrouping keys) {
        this(source, windowNs, histograms, keys, (recording, pid, comm, tsNs, cgroupId) -> {
        });
    }

    /**
     * Tells {@code firstCalls} of each new key, which costs nothing per call: what a key's process is needs asking
     * once per key, not per event.
     */
    public SyscallTally(SyscallSource source, long windowNs, boolean histograms, SyscallGrouping keys,
            FirstCalls firstCalls) {
        this.source = source;
        this.windowNs = windowNs;
        this.histograms = histograms;
        this.keys = keys;
        this.firstCalls = firstCalls;
    }

    private long bucket(Recording recording, long bootNs) {
        return windowNs == 0 ? 0 : Math.floorDiv(bootNs - recording.startBootNs().orElse(0), windowNs);
    }

    private SyscallKeyTable table(int recording) {
        if (recording >= tables.length) {
            tables = Arrays.copyOf(tables, recording + 1);
        }
        if (tables[recording] == null) {
            tables[recording] = new SyscallKeyTable(histograms);
        }
        return tables[recording];
    }

    private int slot(SyscallKeyTable table, int pid, ByteBuffer comm, int syscall, long bucket) {
        int key = keys.bySyscall() ? syscall : NO_SYSCALL;
        if (!keys.byProcess()) {
            return table.slot(NO_PROCESS, key, bucket, 0, 0);
        }
        comms.pack(comm);
        return table.slot(pid, key, bucket, comms.low(), comms.high());
    }

    @Override
    public Set<OptionalField> reads() {
        // it reads pid, comm, syscall, time, result and duration: none optional
        return EnumSet.noneOf(OptionalField.class);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent e) {
        if (!source.usesEvents(recording)) {
            return;
        }
        EventHeader h = e.getHeader();
        SyscallKeyTable table = table(recording.index());
        int known = table.size();
        table.addEvent(slot(table, h.getPid(), h.getComm(), SyscallTable.keyOf(e.getSyscall(), e.getAbi()), bucket(recording, h.getTsNs())),
                Errnos.ofReturnValue(e.getRet()) != 0, e.getDurationNs());
        if (table.size() != known) {
            firstCalls.first(recording, h.getPid(), h.getComm(), h.getTsNs(), h.getCgroupId());
        }
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount c) {
        if (!source.usesCounts(recording)) {
            return;
        }
        SyscallKeyTable table = table(recording.index());
        int known = table.size();
        table.addCounts(slot(table, c.getPid(), c.getComm(), SyscallTable.keyOf(c.getSyscall(), c.getAbi()), bucket(recording, c.getIntervalStartNs())),
                c.getCount(), c.getErrors(), c.getLatencyTotalNs(), c.getLatencyLog2Hist());
        if (table.size() != known) {
            // the interval's end: the row's comm is the one its pid had last (read again after an exec)
            firstCalls.first(recording, c.getPid(), c.getComm(), c.getIntervalEndNs(), -1);
        }
    }

    /** Adds another thread's sums into this one. */
    public void merge(SyscallTally other) {
        other.forEach((recording, pid, comm, syscall, bucket, s) -> {
            SyscallKeyTable table = table(recording);
            table.add(slot(table, pid, comm == null ? null : ByteBuffer.wrap(comm.toArray()), syscall, bucket), s);
        });
    }

    /** Every entry, with its comm unpacked (null when not keyed by process). */
    private void forEach(EntryConsumer consumer) {
        for (int recording = 0; recording < tables.length; recording++) {
            if (tables[recording] != null) {
                int index = recording;
                tables[recording].forEach((pid, commLow, commHigh, syscall, bucket, s) ->
                        consumer.accept(index, pid, keys.byProcess() ? comms.unpack(commLow, commHigh) : null, syscall,
                                bucket, s));
            }
        }
    }

    private interface EntryConsumer {
        void accept(int recording, int pid, ByteString comm, int syscall, long bucket, SyscallStats stats);
    }

    /**
     * Rows grouped as asked, sorted by the measure (largest first), ties by {@link SyscallOrder#tieBreak},
     * recording, window and key.
     *
     * @throws IllegalArgumentException for a grouping finer than the tally's keys
     */
    public List<SyscallRow> rows(SyscallGrouping grouping, SyscallOrder order) {
        if (grouping.byProcess() && !keys.byProcess() || grouping.bySyscall() && !keys.bySyscall()) {
            throw new IllegalArgumentException("syscalls summed by " + keys + " cannot be grouped by " + grouping);
        }
        Map<Key, SyscallStats> grouped = new HashMap<>();
        forEach((recording, pid, comm, syscall, bucket, s) -> {
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
                .thenComparingLong(r -> -order.tieBreak(r.stats()))
                .thenComparingInt(SyscallRow::recording)
                .thenComparingLong(SyscallRow::bucket)
                .thenComparingInt(SyscallRow::syscall)
                .thenComparingInt(SyscallRow::pid)
                .thenComparing(SyscallRow::comm, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }
}
