package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Why a result may be empty: the filters ask for something the records read cannot carry, or the inputs
 * hold nothing of the kind. Shown under an empty table, so "(none)" is never left unexplained. Public for the
 * fleet, whose verbs say the same.
 */
public final class EmptyResultHints {
    private EmptyResultHints() {
    }

    /** Hints that hold whatever is read: a --host that names no recording. */
    public static List<String> hosts(FilterSpec spec, List<Recording> all) {
        if (spec.hosts().isEmpty()) {
            return List.of();
        }
        Set<String> known = new TreeSet<>();
        all.forEach(r -> known.add(r.host()));
        if (known.stream().anyMatch(spec.hosts()::contains)) {
            return List.of();
        }
        return List.of("--host " + String.join(",", new TreeSet<>(spec.hosts())) + " matches no recording (hosts here: "
                + String.join(", ", known) + ")");
    }

    /**
     * Hints for a result made of one family per recording.
     *
     * @param family the family each recording's rows come from
     */
    public static List<String> of(FilterSpec spec, List<Recording> all, List<Recording> shown,
            Function<Recording, Family> family) {
        Set<String> hints = new LinkedHashSet<>(hosts(spec, all));
        for (Recording r : shown) {
            Family f = family.apply(r);
            String name = f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (!r.has(RecordingStream.of(f))) {
                hints.add(r.host() + " has no " + name + " records (record with --events " + recorderFamily(f) + ")");
                continue;
            }
            if (f == Family.SYSCALL_COUNTS && !spec.errnos().isEmpty()) {
                hints.add("-e: in-kernel syscall counts carry no errno (record --events syscall-events for errnos)");
            }
            if (f == Family.SYSCALL_COUNTS && (!spec.tids().isEmpty() || !spec.uids().isEmpty())) {
                hints.add("-t/-u: in-kernel syscall counts carry no thread or user "
                        + "(record --events syscall-events for them)");
            }
            if (f != Family.OPENS && (spec.pathGlob() != null || spec.pathRegex() != null || !spec.flags().isEmpty())) {
                hints.add("--path, --path-regex and -f select opens only; " + name + " records have no path");
            }
            if (f != Family.KILLS && !spec.signals().isEmpty()) {
                hints.add("-s selects signals only; " + name + " records have none");
            }
        }
        return new ArrayList<>(hints);
    }

    /** The recorder's --events name of a family. */
    private static String recorderFamily(Family family) {
        return family == Family.SYSCALL_COUNTS ? "syscalls" : family.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
    }
}
