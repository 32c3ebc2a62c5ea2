package dev.tracekit.analyzer.input;

import dev.tracekit.recording.ProcessSnapshotCodec;
import dev.tracekit.schema.CgroupInfo;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a pid was: the processes of a recording's file snapshots (tracekit.process_snapshot), each known by pid and
 * start time together, so a reused pid never mixes two processes; and the cgroup id → path table.
 */
public final class ProcessIndex {
    public static final ProcessIndex EMPTY = new ProcessIndex(Map.of(), Map.of());

    private final Map<Integer, List<ProcessInfo>> byPid;
    private final Map<Long, ByteBuffer> cgroupPaths;

    private ProcessIndex(Map<Integer, List<ProcessInfo>> byPid, Map<Long, ByteBuffer> cgroupPaths) {
        this.byPid = byPid;
        this.cgroupPaths = cgroupPaths;
    }

    /**
     * The process that had {@code pid} at boot-clock time {@code bootNs}: of the processes known with that pid, the
     * last to have started by then. Empty when none had (the pid is unknown, or its process started after every
     * snapshot: the procs family knows those).
     */
    public Optional<ProcessInfo> at(int pid, long bootNs) {
        List<ProcessInfo> known = byPid.get(pid);
        if (known == null) {
            return Optional.empty();
        }
        ProcessInfo found = null;
        for (ProcessInfo p : known) { // ordered by start time
            if (p.getStartTimeNs() <= bootNs) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The path of a cgroup v2 id below the cgroup2 mount (raw bytes); empty when no snapshot listed it. */
    public Optional<ByteBuffer> cgroupPath(long cgroupId) {
        return Optional.ofNullable(cgroupPaths.get(cgroupId)).map(ByteBuffer::asReadOnlyBuffer);
    }

    public boolean isEmpty() {
        return byPid.isEmpty();
    }

    /** Every cgroup id the snapshots give a path for. */
    public Set<Long> cgroupIds() {
        return cgroupPaths.keySet();
    }

    /** Every process known, each pid's by start time. */
    List<ProcessInfo> all() {
        List<ProcessInfo> all = new ArrayList<>();
        byPid.values().forEach(all::addAll);
        all.sort(Comparator.comparingInt(ProcessInfo::getPid).thenComparingLong(ProcessInfo::getStartTimeNs));
        return all;
    }

    /**
     * Gathers the snapshots of one recording's files, in any order, as their headers hold them; decoding waits
     * until someone asks who a pid was, so a run that never asks (summary, syscalls) never pays for it. Files
     * started together carry the same snapshot: each distinct one is decoded once. Public for readers of
     * recordings other than the analyzer's own (a fleet's driver reads the headers itself).
     */
    public static final class Builder {
        private final Map<ByteBuffer, String> encoded = new LinkedHashMap<>(); // snapshot -> a file that has it
        private final Diagnostics diagnostics;

        public Builder(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        /** @param fileName the file whose header holds it, named in the note if it cannot be decoded */
        public void add(byte[] snapshot, String fileName) {
            encoded.putIfAbsent(ByteBuffer.wrap(snapshot), fileName);
        }

        public ProcessIndex build() {
            Map<Integer, Map<Long, ProcessInfo>> byPid = new HashMap<>();
            Map<Long, ByteBuffer> cgroupPaths = new HashMap<>();
            List<ProcessSnapshot> snapshots = new ArrayList<>();
            encoded.forEach((bytes, fileName) -> {
                try {
                    snapshots.add(ProcessSnapshotCodec.decode(bytes.array()));
                } catch (IllegalArgumentException e) {
                    diagnostics.note(fileName + ": " + e.getMessage() + "; its processes are named from the other files only");
                }
            });
            // The earliest snapshot describes a process first: a later one may show it after an exec or rename.
            snapshots.sort(Comparator.comparingLong(ProcessSnapshot::getTakenNs));
            boolean foreignPids = false;
            for (ProcessSnapshot snapshot : snapshots) {
                for (CgroupInfo c : snapshot.getCgroups()) {
                    cgroupPaths.putIfAbsent(c.getId(), c.getPath());
                }
                if (!snapshot.getPidNamespaceIsInit()) {
                    // Its pids are a container's, the events' the host's: matching them would name the wrong processes.
                    foreignPids = true;
                    continue;
                }
                for (ProcessInfo p : snapshot.getProcesses()) {
                    byPid.computeIfAbsent(p.getPid(), pid -> new HashMap<>()).putIfAbsent(p.getStartTimeNs(), p);
                }
            }
            if (foreignPids) {
                diagnostics.note("the recorder ran in a pid namespace of its own: its process snapshots name no "
                        + "event's process (the execs and forks it recorded still do)");
            }
            if (byPid.isEmpty() && cgroupPaths.isEmpty()) {
                return EMPTY;
            }
            Map<Integer, List<ProcessInfo>> ordered = new HashMap<>();
            byPid.forEach((pid, byStart) -> {
                List<ProcessInfo> list = new ArrayList<>(byStart.values());
                list.sort(Comparator.comparingLong(ProcessInfo::getStartTimeNs));
                ordered.put(pid, List.copyOf(list));
            });
            return new ProcessIndex(Map.copyOf(ordered), Map.copyOf(cgroupPaths));
        }
    }
}
