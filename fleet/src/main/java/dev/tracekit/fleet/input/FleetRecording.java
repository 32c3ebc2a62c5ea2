package dev.tracekit.fleet.input;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One recording as the fleet sees it on the driver: its header facts, which streams it has and what its
 * interval statistics say. Its events stay in Spark.
 *
 * @param index the place in the catalog's order (host, then recording id), the analyzer's order too
 */
public record FleetRecording(int index, RecordingMeta meta, Set<RecordingStream> streams, IntervalFacts facts) {

    public String host() {
        return meta.hostname();
    }

    public boolean has(RecordingStream stream) {
        return streams.contains(stream);
    }

    /**
     * The family the recording's syscall figures come from: the in-kernel counts when it has them, else its
     * per-event records, never both (that would count every call twice). The analyzer's {@code SyscallSource}
     * decides the same way when no filter needs per-event fields, and the fleet has no filters.
     */
    public Family syscallFamily() {
        return syscallFamily(this::has);
    }

    /** The same choice for any recording, by which streams it has. */
    public static Family syscallFamily(Predicate<RecordingStream> has) {
        return has.test(RecordingStream.SYSCALL_COUNTS) || !has.test(RecordingStream.SYSCALL_EVENTS)
                ? Family.SYSCALL_COUNTS : Family.SYSCALL_EVENTS;
    }

    /**
     * The analyzer's view of the recording, for its reports: its interval statistics added up into one
     * interval (span, events written and lost per family, count-map overflows), which is all a report asks
     * of them except losses per window; those the fleet's jobs compute.
     */
    public Recording recording() {
        return new Recording(index, meta, facts.asOneInterval(), streams);
    }

    /** The recording's start on the boot clock; windows and relative times count from it (0 without intervals). */
    public long startBootNs() {
        return facts.startBootNs().orElse(0);
    }
}
