package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.input.CgroupService;
import dev.tracekit.analyzer.input.OpenPaths;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.names.Arch;
import dev.tracekit.names.Errnos;
import dev.tracekit.names.OpenFlags;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/** A {@link FilterSpec} tied to one recording: architecture names resolved, time bounds on its boot clock. */
public final class EventFilter {
    private final FilterSpec spec;
    private final boolean hostMatches;
    private final Set<Integer> syscallNumbers = new HashSet<>();
    private final String[] flagNames;
    /** The -n names as UTF-8, compared with each record's comm bytes: no String per record. */
    private final byte[][] commNames;
    private final OpenFlags openFlags;
    private final long sinceNs;
    private final long untilNs;
    private final ProcessTimeline timeline;
    private final byte[][] targetCommNames;
    /** Per cgroup id: whether --cgroup and --unit let it through; few cgroups, many events. */
    private final Map<Long, Boolean> cgroupVerdicts = new HashMap<>();

    private EventFilter(FilterSpec spec, Recording recording) {
        this.spec = spec;
        this.hostMatches = spec.hosts().isEmpty() || spec.hosts().contains(recording.host());
        SyscallTable table = recording.syscalls();
        for (String name : spec.syscalls()) {
            table.number(name).ifPresent(syscallNumbers::add);
            // open means open whichever table a process called it through; ia32:open the ia32 one alone
            table.number("ia32:" + name).ifPresent(syscallNumbers::add);
        }
        this.openFlags = recording.openFlags();
        this.flagNames = spec.flags().toArray(String[]::new);
        this.commNames = spec.comms().stream().map(name -> name.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.sinceNs = spec.since() == null ? Long.MIN_VALUE : spec.since().bootNs(recording);
        this.untilNs = spec.until() == null ? Long.MAX_VALUE : spec.until().bootNs(recording);
        this.timeline = spec.needsProcessContext() ? recording.timeline() : null;
        this.targetCommNames = spec.targetComms().stream().map(name -> name.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    /**
     * Ties the spec to a recording.
     *
     * @throws TracekitException (bad input) for a time offset on a recording without a known start
     */
    public static EventFilter of(FilterSpec spec, Recording recording) {
        return new EventFilter(spec, recording);
    }

    /** Checks the architecture-dependent names once per run, so a typo is an error and not an empty result. */
    public static void validate(FilterSpec spec) {
        for (String name : spec.syscalls()) {
            boolean known = isKillSyscallName(name); // signal_generate is no syscall but a kill "syscall" value
            for (Arch arch : Arch.values()) {
                known |= SyscallTable.of(arch).number(name).isPresent();
            }
            if (!known) {
                throw TracekitException.badInput("unknown syscall '" + name + "'");
            }
        }
        for (String flag : spec.flags()) {
            if (OpenFlags.of(Arch.X86_64).bits(flag) < 0) {
                throw TracekitException.badInput("unknown open flag '" + flag + "'");
            }
        }
    }

    private static boolean isKillSyscallName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (KillSyscall syscall : KillSyscall.values()) {
            if (syscall != KillSyscall.UNKNOWN && syscall.name().equals(upper)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Host, time, process, thread, user, cgroup and name, and who the process was: what every per-event record
     * carries in its header. Only kills have targets, so the target filters exclude every other family.
     */
    private boolean header(EventHeader h) {
        return task(h) && spec.targetPids().isEmpty() && spec.targetComms().isEmpty();
    }

    private boolean task(EventHeader h) {
        return hostMatches && inTime(h.getTsNs())
                && (spec.pids().isEmpty() || spec.pids().contains(h.getPid()))
                && (spec.tids().isEmpty() || spec.tids().contains(h.getTid()))
                && (spec.uids().isEmpty() || spec.uids().contains(h.getUid()))
                && cgroup(h.getCgroupId())
                && comm(h.getComm())
                && process(h.getPid(), h.getTsNs());
    }

    private boolean cgroup(long id) {
        if (spec.cgroups().isEmpty() && spec.cgroupGlobs().isEmpty() && spec.units().isEmpty()) {
            return true;
        }
        return cgroupVerdicts.computeIfAbsent(id, this::cgroupPasses);
    }

    /**
     * Whether --cgroup and --unit let a task of this cgroup through; public for engines that decide once per cgroup
     * and then select the events by id (the fleet).
     */
    public boolean cgroupPasses(long id) {
        boolean byPath = spec.cgroups().contains(id);
        if (!byPath && !spec.cgroupGlobs().isEmpty()) {
            String path = timeline.cgroupPath(id).map(b -> StandardCharsets.UTF_8.decode(b).toString()).orElse(null);
            byPath = path != null && spec.cgroupGlobs().stream().anyMatch(g -> g.matcher(path).matches());
        }
        if (spec.cgroups().isEmpty() && spec.cgroupGlobs().isEmpty()) {
            byPath = true;
        }
        if (!byPath || spec.units().isEmpty()) {
            return byPath;
        }
        CgroupService service = timeline.service(id);
        return spec.units().stream().anyMatch(service::isNamed);
    }

    /** --ppid and --exe: who the process was at the event. */
    private boolean process(int pid, long ns) {
        if (spec.ppids().isEmpty() && spec.exes().isEmpty()) {
            return true;
        }
        ProcessTimeline.Process p = timeline.at(pid, ns).orElse(null);
        return p != null && processPasses(p);
    }

    /**
     * Whether --ppid and --exe let this process through; public for engines that join events to the timeline's
     * spans and decide once per span (the fleet).
     */
    public boolean processPasses(ProcessTimeline.Process p) {
        return (spec.ppids().isEmpty() || spec.ppids().contains(p.ppid()))
                && (spec.exes().isEmpty() || (p.exe() != null && spec.exes().contains(new String(p.exe(), StandardCharsets.UTF_8))));
    }

    /** --tpid and --target-comm: the signalled process, by pid and by its name at the signal. */
    private boolean target(KillEvent e) {
        if (!spec.targetPids().isEmpty() && !spec.targetPids().contains(e.getTargetPid())) {
            return false;
        }
        if (targetCommNames.length == 0) {
            return true;
        }
        ProcessTimeline.Process p = timeline.at(e.getTargetPid(), e.getHeader().getTsNs()).orElse(null);
        return p != null && isOneOf(ByteBuffer.wrap(p.comm()), targetCommNames);
    }

    private boolean inTime(long bootNs) {
        return bootNs >= sinceNs && bootNs < untilNs;
    }

    private boolean comm(ByteBuffer comm) {
        if (commNames.length > 0 && !isOneOf(comm, commNames)) {
            return false;
        }
        return spec.commRegex() == null || spec.commRegex().matcher(utf8(comm)).find();
    }

    private static boolean isOneOf(ByteBuffer bytes, byte[][] names) {
        int from = bytes.arrayOffset() + bytes.position();
        int to = from + bytes.remaining();
        for (byte[] name : names) {
            if (Arrays.equals(bytes.array(), from, to, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(ByteBuffer bytes) {
        return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
                StandardCharsets.UTF_8);
    }

    private boolean noOpenOnlyFilters() {
        return spec.pathGlob() == null && spec.pathRegex() == null && flagNames.length == 0;
    }

    private boolean failure(int errno) {
        return (!spec.failedOnly() || errno != 0) && (spec.errnos().isEmpty() || spec.errnos().contains(errno));
    }

    public boolean syscallEvent(SyscallEvent e) {
        return header(e.getHeader()) && noOpenOnlyFilters() && spec.signals().isEmpty()
                && (spec.syscalls().isEmpty() || syscallNumbers.contains(SyscallTable.keyOf(e.getSyscall(), e.getAbi())))
                && failure(Errnos.ofReturnValue(e.getRet()));
    }

    /** Count rows carry no thread, user, cgroup or errno; with {@code --failed} only rows with errors pass. */
    public boolean syscallCount(SyscallCount c) {
        return hostMatches && inTime(c.getIntervalStartNs())
                && spec.tids().isEmpty() && spec.uids().isEmpty() && spec.errnos().isEmpty() && !spec.readsCgroups()
                && spec.targetPids().isEmpty() && spec.targetComms().isEmpty()
                && process(c.getPid(), c.getIntervalStartNs())
                && noOpenOnlyFilters() && spec.signals().isEmpty()
                && (spec.pids().isEmpty() || spec.pids().contains(c.getPid()))
                && comm(c.getComm())
                && (spec.syscalls().isEmpty() || syscallNumbers.contains(SyscallTable.keyOf(c.getSyscall(), c.getAbi())))
                && (!spec.failedOnly() || c.getErrors() > 0);
    }

    /** With {@code --failed}, a count row stands for its failed calls only. */
    public boolean narrowsCountsToErrors() {
        return spec.failedOnly();
    }

    public boolean open(OpenEvent e) {
        return header(e.getHeader()) && spec.signals().isEmpty()
                && (spec.syscalls().isEmpty() || spec.syscalls().contains(e.getSyscall().name().toLowerCase(Locale.ROOT)))
                && failure(e.getResult() < 0 ? -e.getResult() : 0)
                && flags(e.getFlags())
                && path(OpenPaths.shown(e));
    }

    private boolean flags(long flags) {
        for (int i = 0; i < flagNames.length; i++) {
            if (!openFlags.has(flags, flagNames[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean path(ByteBuffer path) {
        if (spec.pathGlob() == null && spec.pathRegex() == null) {
            return true;
        }
        String text = utf8(path);
        return (spec.pathGlob() == null || spec.pathGlob().matcher(text).matches())
                && (spec.pathRegex() == null || spec.pathRegex().matcher(text).find());
    }

    /**
     * Execs, forks and renames cannot fail (a failed exec is not a procs record): {@code -x} keeps the exits
     * by a non-zero code or a signal, {@code -s} the exits by those signals.
     */
    public boolean proc(ProcEvent e) {
        boolean abnormal = e.getExitSignal() != null || (e.getExitCode() != null && e.getExitCode() != 0);
        return header(e.getHeader()) && noOpenOnlyFilters() && spec.syscalls().isEmpty() && spec.errnos().isEmpty()
                && (!spec.failedOnly() || abnormal)
                && (spec.signals().isEmpty() || (e.getExitSignal() != null && spec.signals().contains(e.getExitSignal())));
    }

    /** Kernel-generated signals (SIGNAL_GENERATE) carry a delivery code, not an errno: they never "fail". */
    public boolean kill(KillEvent e) {
        int errno = e.getSyscall() != KillSyscall.SIGNAL_GENERATE && e.getResult() < 0 ? -e.getResult() : 0;
        return task(e.getHeader()) && noOpenOnlyFilters() && target(e)
                && (spec.signals().isEmpty() || spec.signals().contains(e.getSignal()))
                && (spec.syscalls().isEmpty() || spec.syscalls().contains(e.getSyscall().name().toLowerCase(Locale.ROOT)))
                && failure(errno);
    }
}
