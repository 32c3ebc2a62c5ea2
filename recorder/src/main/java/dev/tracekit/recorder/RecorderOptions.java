package dev.tracekit.recorder;

import dev.tracekit.recorder.config.LiveFilter;
import dev.tracekit.recorder.metrics.MetricsAddress;
import dev.tracekit.recorder.output.RotationPolicy;
import dev.tracekit.recorder.redact.RedactedField;
import dev.tracekit.recorder.redact.Redactor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a recording run was asked for, checked and resolved (names to numbers, cgroup path to id).
 *
 * @param liveFilter       the filters held in BPF maps, before any --config file is applied
 * @param cgroupId         0: any cgroup
 * @param excludedSignals  bit n set: signal n is not recorded
 * @param durationNs       0: until SIGINT/SIGTERM
 * @param ringbufSize      bytes per ring buffer (a power of two, at least a page)
 * @param redact           values replaced by a keyed hash under the key in {@code redactKey}
 * @param statusLines      print the status line even when stderr is not a terminal
 * @param metrics          where to serve Prometheus metrics while recording, if anywhere
 */
public record RecorderOptions(
        Set<EventFamily> events,
        LiveFilter liveFilter,
        Optional<Path> config,
        long cgroupId,
        boolean failedOnly,
        OptionalInt signal,
        long excludedSignals,
        String pathPrefix,
        long intervalNs,
        long durationNs,
        Path output,
        long ringbufSize,
        boolean latency,
        String codec,
        RotationPolicy rotation,
        Optional<Path> bundle,
        boolean verbose,
        Set<RedactedField> redact,
        Path redactKey,
        boolean statusLines,
        Optional<MetricsAddress> metrics) {

    public boolean records(EventFamily family) {
        return events.contains(family);
    }

    /**
     * The filters and options in force, for the recording's header (tracekit.filters); values of redacted
     * fields appear as the recording names them, and "redacted" lists those fields.
     */
    public Map<String, Object> describe(Redactor redactor) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("events", events.stream().map(EventFamily::cliName).sorted().toList());
        d.put("syscalls", liveFilter.syscalls());
        d.put("pids", liveFilter.pids());
        d.put("tids", liveFilter.tids());
        d.put("uids", redactor.uids(liveFilter.uids()));
        d.put("comms", redactor.comms(liveFilter.comms()));
        d.put("config", config.map(Path::toString).orElse(null));
        d.put("cgroup_id", cgroupId == 0 ? null : cgroupId);
        d.put("failed_only", failedOnly);
        d.put("signal", signal.isPresent() ? signal.getAsInt() : null);
        d.put("excluded_signals", Long.toBinaryString(excludedSignals));
        d.put("path_prefix", pathPrefix.isEmpty() ? null : redactor.pathPrefix(pathPrefix));
        d.put("interval_ns", intervalNs);
        d.put("latency", latency);
        d.put("ringbuf_size", ringbufSize);
        d.put("codec", codec);
        d.put("redacted", redactor.fields().stream().map(RedactedField::cliName).toList());
        return d;
    }
}
