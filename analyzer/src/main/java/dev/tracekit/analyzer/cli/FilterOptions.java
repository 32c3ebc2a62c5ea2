package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.filter.EventFilter;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.filter.TimeBound;
import dev.tracekit.names.Errnos;
import dev.tracekit.names.SignalNameList;
import dev.tracekit.names.Signals;
import dev.tracekit.names.SyscallNameList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The filters every verb accepts. Short flags follow bcc's tools where one exists (opensnoop {@code -p -t -u
 * -n -x}, sigsnoop {@code -x -p -s}, syscount {@code -p -x -e -c}); docs/bcc-flags.md lists them. Where a tool
 * gives one of them another meaning on its verb (opensnoop's {@code -e}, sigsnoop's {@code -n}), {@link BccSwitches}
 * moves it there. The long names {@code --syscalls} and {@code --failed-only} are the recorder's spelling. Lists may be
 * given comma-separated or by repeating the option; a record passes when it matches every filter given.
 */
public final class FilterOptions {
    @Option(names = {"-p", "--pid"}, split = ",", paramLabel = "PID", description = "Only these processes (for kills: the sender).")
    List<Integer> pids = new ArrayList<>();

    @Option(names = {"-t", "--tid"}, split = ",", paramLabel = "TID", description = "Only these threads.")
    List<Integer> tids = new ArrayList<>();

    @Option(names = {"-u", "--uid"}, split = ",", paramLabel = "UID", description = "Only these user ids.")
    List<Long> uids = new ArrayList<>();

    @Option(names = {"-n", "--comm"}, paramLabel = "NAME", description = "Only processes with exactly this name.")
    List<String> comms = new ArrayList<>();

    @Option(names = "--comm-regex", paramLabel = "REGEX", description = "Only process names this regex finds a match in.")
    String commRegex;

    @Option(names = "--path", paramLabel = "GLOB", description = "Only opens of paths matching this glob (* and ? stop at /, ** does not).")
    String pathGlob;

    @Option(names = "--path-regex", paramLabel = "REGEX", description = "Only opens of paths this regex finds a match in.")
    String pathRegex;

    @Option(names = {"-f", "--flags"}, split = ",", paramLabel = "FLAG", description = "Only opens with all these flags, e.g. O_WRONLY,O_CREAT.")
    List<String> flags = new ArrayList<>();

    @Option(names = {"--syscall", "--syscalls"}, split = ",", paramLabel = "NAME", completionCandidates = SyscallNameList.class, description = "Only these syscalls (names of the recording's architecture; ia32:NAME for x86_64's 32-bit calls alone).")
    List<String> syscalls = new ArrayList<>();

    @Option(names = {"-s", "--signal"}, split = ",", paramLabel = "SIG", completionCandidates = SignalNameList.class, description = "Only these signals, by name or number.")
    List<String> signals = new ArrayList<>();

    @Option(names = {"-x", "--failed", "--failed-only"}, description = "Only failed calls.")
    boolean failed;

    @Option(names = {"-e", "--errno"}, split = ",", paramLabel = "ERRNO", description = "Only calls that failed with this errno, e.g. ENOENT.")
    List<String> errnos = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", description = "From this UTC time (2026-11-02T09:00:01Z) or offset from the recording's start (+2s, 5m).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Before this UTC time or offset from the recording's start.")
    String until;

    @Option(names = "--host", split = ",", paramLabel = "HOST", description = "Only recordings of these hosts.")
    List<String> hosts = new ArrayList<>();

    @Option(names = {"-c", "--cgroup"}, split = ",", paramLabel = "CGROUP",
            description = "Only tasks of this cgroup v2: its id as recorded (the directory's inode number, stat -c %%i DIR), "
                    + "or a glob over the recorded cgroup paths (* and ? stop at /, ** does not; a leading /sys/fs/cgroup "
                    + "is dropped), e.g. '/system.slice/nginx.service' or '/kubepods.slice/**'; a directory of that name "
                    + "on this host matches by its id too.")
    List<String> cgroups = new ArrayList<>();

    @Option(names = "--unit", split = ",", paramLabel = "NAME",
            description = "Only tasks of this service, read from the recorded cgroup path: a systemd unit (nginx or "
                    + "nginx.service), a container id (12 or more hex digits) or a Kubernetes pod uid.")
    List<String> units = new ArrayList<>();

    @Option(names = "--ppid", split = ",", paramLabel = "PID", description = "Only processes whose parent is one of these, at the event.")
    List<Integer> ppids = new ArrayList<>();

    @Option(names = "--exe", split = ",", paramLabel = "PATH",
            description = "Only processes running this executable (the snapshot's /proc/PID/exe or the file an exec named), exact.")
    List<String> exes = new ArrayList<>();

    /** kills --tpid: set by that verb, which alone has targets. */
    final List<Integer> targetPids = new ArrayList<>();

    /** kills --target-comm: set by that verb. */
    final List<String> targetComms = new ArrayList<>();

    /** The filters of the verb a verb's own filter option ({@link KillFilterOptions}) is mixed into. */
    static FilterOptions of(CommandSpec verb) {
        return verb.mixins().values().stream().map(CommandSpec::userObject).filter(FilterOptions.class::isInstance)
                .map(FilterOptions.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException(verb.name() + " mixes in no FilterOptions"));
    }

    /** The mount point cgroup directories are named below on a host; recorded paths start after it. */
    private static final String CGROUP2_MOUNT = "/sys/fs/cgroup";

    /** @throws TracekitException (bad input) for an unknown name or a malformed value */
    public FilterSpec toSpec() {
        FilterSpec spec = new FilterSpec(
                Set.copyOf(pids),
                Set.copyOf(tids),
                Set.copyOf(uids),
                Set.copyOf(comms),
                regex(commRegex, "--comm-regex"),
                pathGlob == null ? null : FilterSpec.globToRegex(pathGlob),
                regex(pathRegex, "--path-regex"),
                List.copyOf(flags),
                lower(syscalls),
                numbers(signals, Signals::parse, "signal"),
                failed,
                numbers(errnos, Errnos::parse, "errno"),
                since == null ? null : TimeBound.parse(since),
                until == null ? null : TimeBound.parse(until),
                Set.copyOf(hosts),
                cgroupIds(),
                cgroupGlobs(),
                Set.copyOf(units),
                Set.copyOf(ppids),
                Set.copyOf(exes),
                Set.copyOf(targetPids),
                Set.copyOf(targetComms));
        EventFilter.validate(spec);
        return spec;
    }

    /** A number is an id as recorded; a directory here is known by its inode number too. */
    private Set<Long> cgroupIds() {
        Set<Long> ids = new LinkedHashSet<>();
        for (String cgroup : cgroups) {
            if (isCgroupId(cgroup)) {
                ids.add(Long.parseUnsignedLong(cgroup.strip()));
                continue;
            }
            try {
                Path dir = Path.of(cgroup);
                if (Files.isDirectory(dir)) {
                    ids.add(((Number) Files.getAttribute(dir, "unix:ino")).longValue());
                }
            } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
                // not a directory here: the glob over the recorded paths still applies
            }
        }
        return Set.copyOf(ids);
    }

    /** Anything but an id is a glob over the recorded paths, which start below the cgroup2 mount. */
    private List<Pattern> cgroupGlobs() {
        List<Pattern> globs = new ArrayList<>();
        for (String cgroup : cgroups) {
            if (isCgroupId(cgroup)) {
                continue;
            }
            String glob = cgroup.strip();
            if (glob.startsWith(CGROUP2_MOUNT + "/") || glob.equals(CGROUP2_MOUNT)) {
                glob = glob.length() == CGROUP2_MOUNT.length() ? "/" : glob.substring(CGROUP2_MOUNT.length());
            }
            if (!glob.startsWith("/")) {
                throw TracekitException.badInput("--cgroup '" + cgroup
                        + "' is neither a cgroup id nor a cgroup path starting with / (e.g. /system.slice/nginx.service)");
            }
            globs.add(FilterSpec.globToRegex(glob.length() > 1 && glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob));
        }
        return List.copyOf(globs);
    }

    private static boolean isCgroupId(String cgroup) {
        return cgroup.strip().matches("\\d{1,19}");
    }

    private static Pattern regex(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw TracekitException.badInput("bad " + option + " '" + text + "': " + e.getDescription());
        }
    }

    private static Set<String> lower(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(name -> out.add(name.strip().toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    private static Set<Integer> numbers(List<String> names, Function<String, OptionalInt> parse, String what) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String name : names) {
            OptionalInt number = parse.apply(name);
            if (number.isEmpty()) {
                throw TracekitException.badInput("unknown " + what + " '" + name + "'");
            }
            out.add(number.getAsInt());
        }
        return Set.copyOf(out);
    }
}
