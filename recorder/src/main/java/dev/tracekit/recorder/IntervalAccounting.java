package dev.tracekit.recorder;

import dev.tracekit.recorder.counts.PerCpuCounter;
import dev.tracekit.recorder.counts.SyscallCountCollector;
import dev.tracekit.recorder.host.BootClock;
import dev.tracekit.recorder.output.RecordingOutput;
import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes each interval: writes the syscall counts that moved, then one {@link IntervalStats} row with what
 * every family kept and lost and a clock sample, then flushes every stream. A zero-length boundary row marks
 * where recording starts and where it closed cleanly ({@link BoundaryRows}), so a reader can tell a recording
 * whose recorder was killed.
 */
final class IntervalAccounting {
    private final RecordingOutput output;
    private final TracingPrograms programs;
    private final SyscallCountCollector counts;
    private final PerCpuCounter countOverflows;
    private final Map<Family, Long> recordsBefore = new EnumMap<>(Family.class);
    private final IntervalStats stats = new IntervalStats();
    private long lost;

    /** @param counts and countOverflows null when syscall counts are not recorded */
    IntervalAccounting(RecordingOutput output, TracingPrograms programs, SyscallCountCollector counts,
            PerCpuCounter countOverflows) {
        this.output = output;
        this.programs = programs;
        this.counts = counts;
        this.countOverflows = countOverflows;
    }

    void end(long startNs, long endNs) throws IOException {
        if (counts != null) {
            counts.collect(startNs, endNs, output.writer(RecordingStream.SYSCALL_COUNTS));
        }
        Map<String, Long> events = new LinkedHashMap<>();
        for (Family family : RecordingStream.FAMILIES) {
            RecordingStream stream = RecordingStream.of(family);
            if (output.has(stream)) {
                long now = output.records(stream);
                events.put(family.name(), now - recordsBefore.getOrDefault(family, 0L));
                recordsBefore.put(family, now);
            }
        }
        List<Drop> drops = new ArrayList<>();
        programs.takeDrops().forEach((family, perCpu) -> {
            for (int cpu = 0; cpu < perCpu.length; cpu++) {
                if (perCpu[cpu] != 0 && output.has(RecordingStream.of(family))) {
                    drops.add(new Drop(family, cpu, perCpu[cpu]));
                    lost += perCpu[cpu];
                }
            }
        });
        long overflows = 0;
        if (countOverflows != null) {
            for (long delta : countOverflows.takeDeltas()) {
                overflows += delta;
            }
        }
        lost += overflows;
        stats.setIntervalStartNs(startNs);
        stats.setIntervalEndNs(endNs);
        stats.setBootToWallNs(BootClock.bootToWallNs());
        stats.setEvents(events);
        stats.setDrops(drops);
        stats.setCountOverflows(overflows);
        output.<IntervalStats>writer(RecordingStream.INTERVALS).append(stats);
        output.endInterval();
    }

    /** Writes a boundary row at {@code nowNs} and flushes it: the opening one at once, so a kill cannot lose it. */
    void boundary(long nowNs) throws IOException {
        Map<String, Long> nothing = new LinkedHashMap<>();
        for (Family family : RecordingStream.FAMILIES) {
            if (output.has(RecordingStream.of(family))) {
                nothing.put(family.name(), 0L);
            }
        }
        output.<IntervalStats>writer(RecordingStream.INTERVALS).append(BoundaryRows.at(nowNs, BootClock.bootToWallNs(),
                nothing));
        output.endInterval();
    }

    /** Events lost so far: ring-buffer drops plus syscalls not counted because the count map was full. */
    long lost() {
        return lost;
    }
}
