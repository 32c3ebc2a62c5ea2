package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.input.CgroupService;
import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.names.Arch;
import dev.tracekit.names.OpenFlags;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillSyscall;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

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
     * Whether the filters let {@code record} through. Each filter asks the family's descriptor for its facet (a
     * header's thread, user and cgroup; a syscall; an errno; a signal; a path; flags; a target), and one the
     * family lacks excludes its records: {@code --path} keeps no signals, {@code --tid} no in-kernel count rows.
     */
    public <R extends SpecificRecord> boolean accepts(FamilyDescriptor<R> family, R record) {
        long ns = family.timeNs(record);
        int pid = family.pid(record);
        return hostMatches && inTime(ns)
                && (spec.pids().isEmpty() || spec.pids().contains(pid))
                && header(family.header(record))
                && comm(family.comm(record))
                && process(pid, ns)
                && syscall(family, record)
                && failure(family, record)
                && (spec.signals().isEmpty() || spec.signals().contains(family.signal(record)))
                && flags(family, record)
                && path(family.path(record))
                && target(family.targetPid(record), ns);
    }

    /** --tid, --uid, --cgroup and --unit: what only a single task's record carries. */
    private boolean header(EventHeader h) {
        if (h == null) {
            return spec.tids().isEmpty() && spec.uids().isEmpty() && !spec.readsCgroups();
        }
        return (spec.tids().isEmpty() || spec.tids().contains(h.getTid()))
                && (spec.uids().isEmpty() || spec.uids().contains(h.getUid()))
                && cgroup(h.getCgroupId());
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
    private boolean target(int targetPid, long ns) {
        if (spec.targetPids().isEmpty() && targetCommNames.length == 0) {
            return true;
        }
        if (targetPid == FamilyDescriptor.NONE
                || !spec.targetPids().isEmpty() && !spec.targetPids().contains(targetPid)) {
            return false;
        }
        if (targetCommNames.length == 0) {
            return true;
        }
        ProcessTimeline.Process p = timeline.at(targetPid, ns).orElse(null);
        return p != null && targetPasses(p);
    }

    /**
     * Whether --target-comm lets a signal to this process through; public for engines that join the targets to the
     * timeline's spans and decide once per span (the fleet).
     */
    public boolean targetPasses(ProcessTimeline.Process p) {
        return targetCommNames.length == 0 || isOneOf(ByteBuffer.wrap(p.comm()), targetCommNames);
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

    /** --syscall: by number where the family numbers its calls, by name where it has a fixed set of them. */
    private <R extends SpecificRecord> boolean syscall(FamilyDescriptor<R> family, R record) {
        if (spec.syscalls().isEmpty()) {
            return true;
        }
        String name = family.syscallName(record);
        if (name != null) {
            return spec.syscalls().contains(name);
        }
        int key = family.syscallKey(record);
        return key != FamilyDescriptor.NONE && syscallNumbers.contains(key);
    }

    /** --failed and --errno; records with no errno (exits, count rows) pass no --errno. */
    private <R extends SpecificRecord> boolean failure(FamilyDescriptor<R> family, R record) {
        if (spec.failedOnly() && !family.failed(record)) {
            return false;
        }
        return spec.errnos().isEmpty() || spec.errnos().contains(family.errno(record));
    }

    /** With {@code --failed}, a row that sums calls stands for its failed calls only. */
    public boolean narrowsToFailures() {
        return spec.failedOnly();
    }

    private <R extends SpecificRecord> boolean flags(FamilyDescriptor<R> family, R record) {
        if (flagNames.length == 0) {
            return true;
        }
        if (!family.hasFlags()) {
            return false;
        }
        long flags = family.flags(record);
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
        if (path == null) {
            return false;
        }
        String text = utf8(path);
        return (spec.pathGlob() == null || spec.pathGlob().matcher(text).matches())
                && (spec.pathRegex() == null || spec.pathRegex().matcher(text).find());
    }
}
