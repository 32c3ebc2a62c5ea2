package dev.tracekit.analyzer.filter;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of one run, parsed and validated but not yet tied to a recording (names that depend on the
 * architecture, syscalls and open flags, are resolved per recording by {@link EventFilter}).
 * Empty sets and nulls mean "no filter". A filter on a field a family does not have (a path for kills, a
 * signal for opens, a thread or user for in-kernel counts) excludes that family's records.
 *
 * @param comms       exact process names (matched against the raw bytes as UTF-8)
 * @param commRegex   matched against the name decoded as UTF-8 (invalid bytes become U+FFFD)
 * @param pathGlob    a glob over the whole path: {@code *} and {@code ?} stop at {@code /}, {@code **} does not
 * @param pathRegex   found anywhere in the path decoded as UTF-8
 * @param flags       open flag names that must all be set
 * @param syscalls    syscall names: numbers per architecture for syscall events and counts, the open or
 *                    kill syscall's name for opens and kills ({@code signal_generate} for kernel signals)
 * @param failedOnly  only failed calls; for in-kernel counts only their error counts are kept
 * @param cgroups     cgroup v2 ids (the cgroup directory's inode number, as the recorder stores it)
 * @param cgroupGlobs globs over the recorded cgroup paths (below the cgroup2 mount); a task passes when its
 *                    cgroup's id is in {@code cgroups} or its path matches one of them
 * @param units       services by name: systemd unit (with or without .service), container id or pod uid
 * @param ppids       parent process ids, as the process context knows them at each event
 * @param exes        executables (the snapshot's /proc/PID/exe or the file an exec named), exact
 * @param targetPids  kills: the target process ids (sigsnoop's TPID)
 * @param targetComms kills: the target's process name at the signal (sigsnoop's TCOMM), exact
 */
public record FilterSpec(
        Set<Integer> pids,
        Set<Integer> tids,
        Set<Long> uids,
        Set<String> comms,
        Pattern commRegex,
        Pattern pathGlob,
        Pattern pathRegex,
        List<String> flags,
        Set<String> syscalls,
        Set<Integer> signals,
        boolean failedOnly,
        Set<Integer> errnos,
        TimeBound since,
        TimeBound until,
        Set<String> hosts,
        Set<Long> cgroups,
        List<Pattern> cgroupGlobs,
        Set<String> units,
        Set<Integer> ppids,
        Set<String> exes,
        Set<Integer> targetPids,
        Set<String> targetComms) {

    public static FilterSpec none() {
        return new FilterSpec(Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, List.of(), Set.of(), Set.of(),
                false, Set.of(), null, null, Set.of(), Set.of(), List.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** True when nothing is filtered, so readers can skip the filter entirely. */
    public boolean isEmpty() {
        return equals(none());
    }

    /** True when a filter needs to know who each process was (parent, executable, service, a kill's target). */
    public boolean needsProcessContext() {
        return !cgroupGlobs.isEmpty() || !units.isEmpty() || !ppids.isEmpty() || !exes.isEmpty()
                || !targetComms.isEmpty();
    }

    /** True when a filter reads the events' cgroup ids. */
    public boolean readsCgroups() {
        return !cgroups.isEmpty() || !cgroupGlobs.isEmpty() || !units.isEmpty();
    }

    /** Converts a path glob to a regular expression over the whole path. */
    public static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
