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

    /** What each filter map of the BPF programs holds (MAX_FILTER_ENTRIES in common.bpf.h). */
    public static final int MAX_ENTRIES = 1024;

    /** @throws IllegalArgumentException when a set has more members than its BPF map holds */
    public LiveFilter {
        fits("pids", pids);
        fits("tids", tids);
        fits("uids", uids);
        fits("comms", comms);
        pids = Set.copyOf(new TreeSet<>(pids));
        tids = Set.copyOf(new TreeSet<>(tids));
        uids = Set.copyOf(new TreeSet<>(uids));
        comms = Set.copyOf(new TreeSet<>(comms));
        syscalls = Set.copyOf(new TreeSet<>(syscalls));
    }

    private static void fits(String name, Set<?> members) {
        if (members.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(members.size() + " " + name + " given; a filter holds at most "
                    + MAX_ENTRIES);
        }
    }
}
