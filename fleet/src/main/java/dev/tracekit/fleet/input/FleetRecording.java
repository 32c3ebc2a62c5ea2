package dev.tracekit.fleet.input;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.Set;

/**
 * One recording as the fleet sees it on the driver: its header facts, which streams it has and what its
 * interval statistics say. Its events stay in Spark.
 *
 * @param index         the place in the catalog's order (host, then recording id), the analyzer's order too
 * @param syscallFamily the family the recording's syscall figures come from: the in-kernel counts when it has them,
 *                      else its per-event records, never both (that would count every call twice); the events where
 *                      a filter needs their fields (thread, user, errno). The analyzer's {@code SyscallSource} decides.
 */
public record FleetRecording(int index, RecordingMeta meta, Set<RecordingStream> streams, IntervalFacts facts,
        Family syscallFamily) {

    public String host() {
        return meta.hostname();
    }

    public boolean has(RecordingStream stream) {
        return streams.contains(stream);
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
