package dev.tracekit.recorder.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * The filters kept in BPF maps, which may change during a run (--config reload). An empty set means "no
 * filter on this".
 */
public record LiveFilter(Set<Integer> pids, Set<Integer> tids, Set<Long> uids, Set<String> comms,
        Set<Integer> syscalls) {

    public static final LiveFilter NONE = new LiveFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public LiveFilter {
        pids = Set.copyOf(new TreeSet<>(pids));
        tids = Set.copyOf(new TreeSet<>(tids));
        uids = Set.copyOf(new TreeSet<>(uids));
        comms = Set.copyOf(new TreeSet<>(comms));
        syscalls = Set.copyOf(new TreeSet<>(syscalls));
    }
}
