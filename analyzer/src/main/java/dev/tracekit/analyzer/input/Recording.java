package dev.tracekit.analyzer.input;

import dev.tracekit.names.Arch;
import dev.tracekit.names.OpenFlags;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One recording as found in the inputs: its facts from the file headers, the name tables of its
 * architecture, its interval statistics (read up front: one small row per interval) and which streams it has.
 * Every record handed to the filters and aggregators comes with its recording, so events keep their host.
 */
public final class Recording {
    private final int index;
    private final RecordingMeta meta;
    private final Arch arch;
    private final SyscallTable syscalls;
    private final OpenFlags openFlags;
    private final List<IntervalStats> intervals;
    private final Losses losses;
    private final Set<RecordingStream> streams;
    private final RecordedFilters recordedFilters;
    private final ProcessIndex.Builder snapshots;
    private ProcessIndex processes;
    private ProcessTimeline timeline;
    private final OptionalLong startBootNs;
    private final OptionalLong endBootNs;
    private long[] sampleStarts;
    private long[] bootToWall;

    /**
     * @param index     place in the catalog's order (by host, then recording id)
     * @param intervals the interval statistics; one row adding them all up serves for spans, totals and
     *                  completeness (as a fleet's pre-counted results give them), not for losses per window
     */
    public Recording(int index, RecordingMeta meta, List<IntervalStats> intervals, Set<RecordingStream> streams) {
        this(index, meta, intervals, streams, null);
    }

    /** @param snapshots its files' process snapshots, null for none */
    Recording(int index, RecordingMeta meta, List<IntervalStats> intervals, Set<RecordingStream> streams,
            ProcessIndex.Builder snapshots) {
        this.index = index;
        this.meta = meta;
        this.arch = Arch.parse(meta.arch());
        this.syscalls = SyscallTable.of(arch);
        this.openFlags = OpenFlags.of(arch);
        this.intervals = List.copyOf(intervals);
        this.losses = new Losses(this.intervals);
        // Asked once per row by replays (relative times): computed once here.
        this.startBootNs = this.intervals.stream().mapToLong(IntervalStats::getIntervalStartNs).min();
        this.endBootNs = this.intervals.stream().mapToLong(IntervalStats::getIntervalEndNs).max();
        this.streams = streams.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(streams));
        this.recordedFilters = RecordedFilters.of(meta.filtersJson());
        this.snapshots = snapshots;
        this.processes = snapshots == null ? ProcessIndex.EMPTY : null;
        sampleClock();
    }

    /** Who its pids were (empty for recordings made before version 1.1, which have no process snapshots). */
    public synchronized ProcessIndex processes() {
        if (processes == null) {
            processes = snapshots.build(); // the first asker decodes; decoding threads may ask at once
        }
        return processes;
    }

    /**
     * Who its pids were at each moment: the snapshots, followed through the procs family once a session has read it
     * ({@link #follow}); until then the snapshots alone.
     */
    public synchronized ProcessTimeline timeline() {
        if (timeline == null) {
            timeline = ProcessTimeline.ofSnapshots(processes());
        }
        return timeline;
    }

    /** Sets the timeline built from its snapshots and procs events, before the records are read. */
    public synchronized void follow(ProcessTimeline followed) {
        this.timeline = followed;
    }

    /** Fields recorded as keyed hashes ({@code --redact}): "paths", "comm", "uid"; empty for most recordings. */
    public List<String> redactedFields() {
        return recordedFilters.redacted();
    }

    /** True when its header says syscall counts were recorded with latency, false when it says without. */
    public Optional<Boolean> countsCarryLatency() {
        return Optional.ofNullable(recordedFilters.latency());
    }

    /** The recorder's interval ({@code --interval}) as its header says, empty when it does not. */
    public OptionalLong intervalNs() {
        return recordedFilters.intervalNs() == null ? OptionalLong.empty() : OptionalLong.of(recordedFilters.intervalNs());
    }

    /** Position in the catalog's order (by host, then recording id): a small key for aggregation tables. */
    public int index() {
        return index;
    }

    public RecordingMeta meta() {
        return meta;
    }

    public String host() {
        return meta.hostname();
    }

    public Arch arch() {
        return arch;
    }

    public SyscallTable syscalls() {
        return syscalls;
    }

    public OpenFlags openFlags() {
        return openFlags;
    }

    public List<IntervalStats> intervals() {
        return intervals;
    }

    public Losses losses() {
        return losses;
    }

    public boolean has(RecordingStream stream) {
        return streams.contains(stream);
    }

    /** Boot-clock start: the first interval's start, or empty when the recording has no interval rows. */
    public OptionalLong startBootNs() {
        return startBootNs;
    }

    /** Boot-clock end: the last interval's end, or empty when the recording has no interval rows. */
    public OptionalLong endBootNs() {
        return endBootNs;
    }

    /** UTC wall-clock ns of a boot-clock timestamp, by the boot time in the header (as every listing shows it). */
    public long wallNs(long bootNs) {
        return meta.wallNs(bootNs);
    }

    /**
     * UTC wall-clock ns of a boot-clock timestamp by the clock sample of the interval holding it (NTP moves the
     * wall clock during a recording: the schema's {@code boot_to_wall_ns}), else the last interval's before it,
     * else the header's boot time. This puts recordings of several hosts, or rotations of one, on one timeline.
     */
    public long sampledWallNs(long bootNs) {
        if (sampleStarts.length == 0) {
            return meta.wallNs(bootNs);
        }
        int i = Arrays.binarySearch(sampleStarts, bootNs);
        int index = Math.max(0, i >= 0 ? i : -i - 2);
        return bootNs + bootToWall[index];
    }

    /** Interval rows that carry a clock sample, by start; a fleet's summed row (sample 0) is none. */
    private void sampleClock() {
        List<IntervalStats> sampled = intervals.stream().filter(s -> s.getBootToWallNs() != 0).toList();
        sampleStarts = new long[sampled.size()];
        bootToWall = new long[sampled.size()];
        for (int i = 0; i < sampled.size(); i++) {
            sampleStarts[i] = sampled.get(i).getIntervalStartNs();
            bootToWall[i] = sampled.get(i).getBootToWallNs();
        }
    }
}
