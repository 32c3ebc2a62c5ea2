package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What each command line and each service did (syscalls, opens, signals sent, and how many processes ran it), from
 * who each event's process was at the event ({@link ProcessTimeline}): the summary's "top commands" and "top
 * services", which pids alone cannot give across restarts. Only recordings with process snapshots (1.1 on) take part:
 * without one, the processes that started before the recording have no command line, and no cgroup has a path, so
 * a ranking would leave out the long-running ones. Events of a process the recording cannot name are left out.
 * Memory grows with the commands, services and processes, not with the events.
 */
public final class ContextTally implements RecordVisitor {
    /** One command line (its arguments joined by spaces) or one service, in one recording. */
    public record Key<K extends Comparable<K>>(int recording, K name) implements Comparable<Key<K>> {
        @Override
        public int compareTo(Key<K> other) {
            int byRecording = Integer.compare(recording, other.recording);
            return byRecording != 0 ? byRecording : name.compareTo(other.name);
        }
    }

    /** A command's or service's figures; {@code processes} counts distinct processes (pid and start time). */
    public record Activity<K extends Comparable<K>>(Key<K> key, long processes, long syscalls, long opens,
            long signalsSent) {
        long total() {
            return syscalls + opens + signalsSent;
        }
    }

    private record Life(int pid, long startNs) {
    }

    /** Mutable figures of one key while reading. */
    private static final class Figures {
        final Set<Life> processes = new HashSet<>();
        long syscalls;
        long opens;
        long signals;

        void add(Figures other) {
            processes.addAll(other.processes);
            syscalls += other.syscalls;
            opens += other.opens;
            signals += other.signals;
        }
    }

    private final SyscallSource source;
    private final Map<Key<ByteString>, Figures> commands = new HashMap<>();
    private final Map<Key<String>, Figures> services = new HashMap<>();
    /** Per recording: whether it has process snapshots (asked once: Recording.processes() takes a lock). */
    private final Map<Integer, Boolean> named = new HashMap<>();
    /** The timeline hands out one Process per image: its command's figures, found once (null: no command line). */
    private final Map<ProcessTimeline.Process, Optional<Figures>> commandOf = new IdentityHashMap<>();
    /** Per recording, each cgroup id's service figures, found once (empty: the path names no service). */
    private final Map<Integer, Map<Long, Optional<Figures>>> serviceOf = new HashMap<>();

    /**
     * @param source each recording's syscall family: a session that reads both families (one recording has counts,
     *               another only events) hands it both, and a call is counted once
     */
    public ContextTally(SyscallSource source) {
        this.source = source;
    }

    @Override
    public Set<OptionalField> reads() {
        return EnumSet.of(OptionalField.CGROUP_AND_CPU);
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount count) {
        if (!source.usesCounts(recording)) {
            return;
        }
        // Count rows carry no cgroup: the process's own, as the timeline knows it.
        add(recording, count.getPid(), count.getIntervalStartNs(), -1, count.getCount(), 0, 0);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        if (!source.usesEvents(recording)) {
            return;
        }
        add(recording, event.getHeader(), 1, 0, 0);
    }

    @Override
    public void open(Recording recording, OpenEvent event) {
        add(recording, event.getHeader(), 0, 1, 0);
    }

    @Override
    public void kill(Recording recording, KillEvent event) {
        add(recording, event.getHeader(), 0, 0, 1);
    }

    @Override
    public void proc(Recording recording, ProcEvent event) {
        add(recording, event.getHeader(), 0, 0, 0); // counts the processes only
    }

    private void add(Recording recording, EventHeader h, long syscalls, long opens, long signals) {
        add(recording, h.getPid(), h.getTsNs(), h.getCgroupId(), syscalls, opens, signals);
    }

    /** @param cgroupId the event's cgroup, or -1 for the process's */
    private void add(Recording recording, int pid, long ns, long cgroupId, long syscalls, long opens, long signals) {
        if (!named.computeIfAbsent(recording.index(), i -> !recording.processes().isEmpty())) {
            return;
        }
        ProcessTimeline timeline = recording.timeline();
        ProcessTimeline.Process p = timeline.at(pid, ns).orElse(null);
        if (p == null) {
            return;
        }
        Life life = new Life(p.pid(), p.startNs());
        Optional<Figures> command = commandOf.computeIfAbsent(p, process -> process.cmdline().length == 0
                ? Optional.empty()
                : Optional.of(commands.computeIfAbsent(new Key<>(recording.index(),
                        ByteString.of(ProcessTimeline.joinedArgs(process.cmdline()))), k -> new Figures())));
        command.ifPresent(f -> bump(f, life, syscalls, opens, signals));
        long cgroup = cgroupId < 0 ? p.cgroupId() : cgroupId;
        serviceOf.computeIfAbsent(recording.index(), r -> new HashMap<>()).computeIfAbsent(cgroup, id -> {
            String service = timeline.service(id).label();
            return service == null ? Optional.empty()
                    : Optional.of(services.computeIfAbsent(new Key<>(recording.index(), service), k -> new Figures()));
        }).ifPresent(f -> bump(f, life, syscalls, opens, signals));
    }

    private static void bump(Figures f, Life life, long syscalls, long opens, long signals) {
        f.processes.add(life);
        f.syscalls += syscalls;
        f.opens += opens;
        f.signals += signals;
    }

    public void merge(ContextTally other) {
        other.commands.forEach((k, f) -> commands.computeIfAbsent(k, x -> new Figures()).add(f));
        other.services.forEach((k, f) -> services.computeIfAbsent(k, x -> new Figures()).add(f));
    }

    /** Command lines by everything their processes did, most active first. */
    public List<Activity<ByteString>> commands() {
        return top(commands);
    }

    /** Services (systemd unit, container, pod) by everything their processes did, most active first. */
    public List<Activity<String>> services() {
        return top(services);
    }

    /** Every command's or service's figures summed over the recordings, by name: what a diff compares. */
    public static <K extends Comparable<K>> Map<K, Long> byName(List<Activity<K>> rows, Function<Activity<K>, Long> value) {
        Map<K, Long> totals = new HashMap<>();
        rows.forEach(a -> totals.merge(a.key().name(), value.apply(a), Long::sum));
        return totals;
    }

    /** Activity, as the diff weighs it: syscalls + opens + signals sent. */
    public static long weight(Activity<?> a) {
        return a.total();
    }

    private static <K extends Comparable<K>> List<Activity<K>> top(Map<Key<K>, Figures> figures) {
        List<Activity<K>> rows = new ArrayList<>();
        figures.forEach((k, f) -> rows.add(new Activity<>(k, f.processes.size(), f.syscalls, f.opens, f.signals)));
        rows.sort(Comparator.comparingLong((Activity<K> a) -> -a.total()).thenComparingLong(a -> -a.processes())
                .thenComparing(Activity::key));
        return rows;
    }
}
