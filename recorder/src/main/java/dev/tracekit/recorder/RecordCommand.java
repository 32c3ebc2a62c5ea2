package dev.tracekit.recorder;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SignalNameList;
import dev.tracekit.names.SyscallNameList;
import dev.tracekit.names.Signals;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.cli.DurationConverter;
import dev.tracekit.recorder.cli.SizeConverter;
import dev.tracekit.recorder.config.CommandNames;
import dev.tracekit.recorder.config.LiveFilter;
import dev.tracekit.recorder.config.LiveFilterMaps;
import dev.tracekit.recorder.config.PrintableText;
import dev.tracekit.recorder.config.SyscallNames;
import dev.tracekit.recorder.metrics.MetricsAddress;
import dev.tracekit.recorder.layout.TracekitStructs;
import dev.tracekit.recorder.output.RecordingBundler;
import dev.tracekit.recorder.output.RotationPolicy;
import dev.tracekit.recorder.redact.RedactedField;
import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.TracekitVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tracekit record}: the command line, turned into {@link RecorderOptions} and run by {@link Recorder}. */
@Command(name = "tracekit record", mixinStandardHelpOptions = true,
        versionProvider = RecordCommand.Version.class,
        description = "Record syscall counts, file opens and signals of this host with eBPF into a directory of "
                + "compressed Avro files, for `tracekit` to analyse anywhere. Needs root.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  tracekit record -d 10 -o /tmp/rec             # counts, opens, kills, procs for 10 s",
                "  tracekit record -p 181 --events opens         # only the opens of PID 181",
                "  tracekit record -n nginx -x                   # failed calls of nginx only",
                "  tracekit record --path-prefix /etc/ --events opens",
                "  tracekit record --events kills,kernel-signals --exclude-signal 0",
                "  tracekit record --syscall read,write --latency -i 5s",
                "  tracekit record --events syscall-events --syscall execve,connect",
                "  tracekit record --rotate-size 100M --max-files 10 -o /var/tmp/rec",
                "  tracekit record -d 60 --bundle /tmp/rec.tar.zst",
                "  tracekit record --config filters.json         # re-read when the file changes",
                "  tracekit record --redact paths,comm,uid       # names hashed, to share",
                "",
                "Exit status: 0 ok, 1 recording failed (e.g. disk full), 2 bad input or the host cannot record."},
        sortOptions = false, usageHelpAutoWidth = true)
public final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", split = ",", paramLabel = "FAMILY", completionCandidates = EventFamily.CliNames.class,
            description = "What to record: syscalls (counts per process), syscall-events (every syscall), opens, "
                    + "kills, procs (execs with arguments, forks, exits, renames), kernel-signals (signals the "
                    + "kernel raises: SIGSEGV, SIGPIPE, SIGCHLD...). Default: ${DEFAULT-VALUE}.",
            defaultValue = "syscalls,opens,kills,procs")
    List<String> events;

    @Option(names = {"--syscall", "--syscalls"}, split = ",", paramLabel = "SYSCALL", completionCandidates = SyscallNameList.class,
            description = "Syscalls to count or capture, by name or number (default: all).")
    List<String> syscalls = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON file of live filters ({\"syscalls\": [...], \"pids\": [...], \"tids\": [...], "
                    + "\"uids\": [...], \"comms\": [...]}); its keys replace the options; re-read when it changes.")
    Path config;

    @Option(names = {"-p", "--pid"}, split = ",", paramLabel = "PID", description = "Only these processes.")
    List<Integer> pids = new ArrayList<>();

    @Option(names = {"-t", "--tid"}, split = ",", paramLabel = "TID", description = "Only these threads.")
    List<Integer> tids = new ArrayList<>();

    @Option(names = {"-u", "--uid"}, split = ",", paramLabel = "UID", description = "Only these user ids.")
    List<Long> uids = new ArrayList<>();

    @Option(names = {"-n", "--comm"}, split = ",", paramLabel = "NAME",
            description = "Only tasks with exactly this name (as in /proc/PID/comm).")
    List<String> comms = new ArrayList<>();

    @Option(names = {"-c", "--cgroup"}, paramLabel = "PATH",
            description = "Only tasks in this cgroup v2 directory, e.g. /sys/fs/cgroup/system.slice/nginx.service.")
    Path cgroup;

    @Option(names = {"-x", "--failed", "--failed-only"}, description = "Only failed calls (opens, kills, syscall-events; procs are all kept).")
    boolean failedOnly;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIG", completionCandidates = SignalNameList.class, description = "Only this signal (name or number).")
    String signal;

    @Option(names = "--exclude-signal", split = ",", paramLabel = "SIG", completionCandidates = SignalNameList.class,
            description = "Leave out these signals, e.g. 0 for liveness probes kill(pid, 0).")
    List<String> excludedSignals = new ArrayList<>();

    @Option(names = "--path-prefix", paramLabel = "PREFIX", description = "Only opens of paths starting with this, "
            + "tested on the full path of a relative open (one whose directory could not be found is kept, flagged).")
    String pathPrefix = "";

    @Option(names = {"-i", "--interval"}, paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "1s", description = "Counts, statistics and flushes every DURATION (default: ${DEFAULT-VALUE}).")
    long intervalNs;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after DURATION (e.g. 30s, 5m); default: until SIGINT, SIGTERM or SIGHUP.")
    Long durationNs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Recording directory, new or empty (default: tracekit-<date>-<time> here).")
    Path output;

    @Option(names = "--ringbuf-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "8M",
            description = "Ring buffer per event family, a power of two (default: ${DEFAULT-VALUE}).")
    long ringbufSize;

    @Option(names = "--latency", description = "Also record syscall latency (sum and log2 histogram) in the counts.")
    boolean latency;

    @Option(names = "--codec", paramLabel = "CODEC", defaultValue = CodecSpec.DEFAULT,
            description = "zstd[:LEVEL], deflate[:LEVEL], snappy or none (default: ${DEFAULT-VALUE}).")
    String codec;

    @Option(names = "--rotate-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Start a new file of a stream once it holds SIZE (e.g. 100M).")
    long rotateSize;

    @Option(names = "--rotate-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start a new file of a stream every DURATION (e.g. 10m).")
    long rotateTimeNs;

    @Option(names = "--max-files", paramLabel = "N", description = "Keep at most N files per stream, deleting the oldest.")
    int maxFiles;

    @Option(names = "--bundle", paramLabel = "FILE",
            description = "At the end, pack the recording into FILE (.tar.zst or .tar.gz) to copy elsewhere.")
    Path bundle;

    @Option(names = {"-v", "--verbose"}, description = "Print libbpf's log (verifier output) to stderr.")
    boolean verbose;

    @Option(names = "--redact", split = ",", paramLabel = "FIELD",
            description = "Replace these values by a keyed hash (HMAC-SHA-256) so the recording can leave the host: "
                    + "paths, comm, uid. Equal values keep equal names; the header lists what was redacted.")
    List<String> redact = new ArrayList<>();

    @Option(names = "--redact-key", paramLabel = "FILE", defaultValue = "/var/lib/tracekit/redact.key",
            description = "The host's secret for --redact, created (0600, random) when missing; keep it on the host "
                    + "(default: ${DEFAULT-VALUE}).")
    Path redactKey;

    @Option(names = "--metrics", paramLabel = "[HOST:]PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics while recording (HOST: 127.0.0.1 "
                    + "unless named; docs/metrics.md).")
    String metrics;

    /** For tests and logs: the status line otherwise appears only when stderr is a terminal. */
    @Option(names = "--status-lines", hidden = true)
    boolean statusLines;

    public static void main(String[] args) {
        StartupTrace.mark("main");
        preload();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLine commandLine = newCommandLine(out, err);
        StartupTrace.mark("picocli model built");
        int exitCode = commandLine.execute(args);
        StartupTrace.mark("exiting");
        System.exit(exitCode);
    }

    /**
     * Starts initialising, on a daemon thread, what a recording needs before it can attach but nothing on the
     * command line decides, while picocli parses it, in the order the main thread needs them: the recording
     * streams' Avro schemas (~60 ms of JSON parsing; checking --events reaches them), the codecs, then the native
     * functions (linking the ~30 downcalls a start makes takes ~60 ms; the preconditions reach them). The main
     * thread then finds the classes initialised, or waits for the initialisation under way instead of repeating
     * it. A failure here (no libbpf, not Linux) is left for {@link Preconditions} to report: the JVM then answers
     * its use of the class with NoClassDefFoundError.
     */
    private static void preload() {
        Thread.ofPlatform().daemon().name("preload").start(() -> {
            try {
                for (String name : List.of("dev.tracekit.recording.RecordingStream", "org.apache.avro.file.CodecFactory",
                        "dev.tracekit.recorder.ffm.Libc", "dev.tracekit.recorder.ffm.Libbpf")) {
                    Class.forName(name, true, RecordCommand.class.getClassLoader());
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // reported where the main thread needs the class
            }
        });
    }

    /** The command line with its streams and error handling; used by {@link #main} and tests. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RecordCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, args) -> {
            // picocli would print the message and the whole usage (~90 lines); one line and a pointer instead.
            e.getCommandLine().getErr().println("tracekit record: " + PrintableText.of(e.getMessage())
                    + " (see: tracekit record --help)");
            return RecorderException.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e instanceof RecorderException failure) {
                cl.getErr().println("tracekit record: " + failure.getMessage());
                return failure.exitCode();
            }
            cl.getErr().println("tracekit record: internal error: " + e);
            return RecorderException.FAILED;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        StartupTrace.mark("command line parsed");
        // The arguments may name what --redact hides (-n nginx, --path-prefix /home/alice): withhold them then.
        String line = redact.isEmpty()
                ? "tracekit record " + String.join(" ", spec.commandLine().getParseResult().originalArgs())
                : "tracekit record (arguments withheld under --redact; the filters are in tracekit.filters)";
        RecorderOptions options = options();
        StartupTrace.mark("options checked");
        return new Recorder(options, line, spec.commandLine().getErr()).run();
    }

    /** The options, checked and resolved; bad values end with exit code 2. */
    RecorderOptions options() {
        try {
            SyscallTable table = SyscallTable.of(Arch.current());
            Set<Integer> syscallNumbers = new LinkedHashSet<>();
            for (String name : syscalls) {
                int nr = SyscallNames.number(table, name);
                if (nr >= LiveFilterMaps.MAX_SYSCALL_NR) {
                    throw new IllegalArgumentException("syscall number " + nr + " is out of range");
                }
                syscallNumbers.add(nr);
            }
            comms.forEach(CommandNames::check);
            uids.forEach(uid -> {
                if (uid < 0 || uid > 0xffff_ffffL) {
                    throw new IllegalArgumentException("uid " + uid + " is out of range 0..4294967295");
                }
            });
            LiveFilter filter = new LiveFilter(Set.copyOf(pids), Set.copyOf(tids), Set.copyOf(uids), Set.copyOf(comms),
                    syscallNumbers);
            return new RecorderOptions(families(), filter, Optional.ofNullable(config), cgroupId(), failedOnly,
                    signal == null ? OptionalInt.empty() : OptionalInt.of(signalNumber(signal)),
                    excludedSignalMask(), checkedPathPrefix(),
                    intervalNs, durationNs == null ? 0 : durationNs, outputDir(), checkedRingbufSize(), latency,
                    checkedCodec(), new RotationPolicy(rotateSize, rotateTimeNs, maxFiles),
                    Optional.ofNullable(bundle).map(RecordCommand::checkedBundle), verbose,
                    RedactedField.parse(redact), redactKey, statusLines,
                    Optional.ofNullable(metrics).map(MetricsAddress::parse));
        } catch (IllegalArgumentException e) {
            throw new RecorderException(RecorderException.USAGE, e.getMessage());
        }
    }

    private Set<EventFamily> families() {
        Set<EventFamily> families = EnumSet.noneOf(EventFamily.class);
        events.forEach(name -> families.add(EventFamily.parse(name)));
        if (families.isEmpty()) {
            throw new IllegalArgumentException("--events names nothing to record");
        }
        return families;
    }

    private long cgroupId() {
        if (cgroup == null) {
            return 0;
        }
        try {
            return ((Number) Files.getAttribute(cgroup, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("--cgroup " + cgroup + ": not a cgroup directory (" + e.getMessage() + ")");
        }
    }

    private static int signalNumber(String text) {
        int number = Signals.parse(text).orElseThrow(() -> new IllegalArgumentException("unknown signal '" + text + "'"));
        if (number < 0 || number > Signals.SIGRTMAX) {
            throw new IllegalArgumentException("signal " + number + " is out of range 0.." + Signals.SIGRTMAX);
        }
        return number;
    }

    private long excludedSignalMask() {
        long mask = 0;
        for (String text : excludedSignals) {
            int number = signalNumber(text);
            if (number >= Long.SIZE) {
                throw new IllegalArgumentException("--exclude-signal takes signals 0..63, got " + number);
            }
            mask |= 1L << number;
        }
        return mask;
    }

    private String checkedPathPrefix() {
        if (pathPrefix.getBytes(StandardCharsets.UTF_8).length >= TracekitStructs.PATH_PREFIX_MAX) {
            throw new IllegalArgumentException("--path-prefix is longer than " + (TracekitStructs.PATH_PREFIX_MAX - 1)
                    + " bytes");
        }
        return pathPrefix;
    }

    private Path outputDir() {
        if (output != null) {
            return output;
        }
        return Path.of("tracekit-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private long checkedRingbufSize() {
        if (ringbufSize < 4096 || Long.bitCount(ringbufSize) != 1 || ringbufSize > (1L << 30)) {
            throw new IllegalArgumentException("--ringbuf-size must be a power of two from 4K to 1G, got " + ringbufSize);
        }
        return ringbufSize;
    }

    private String checkedCodec() {
        CodecSpec.parse(codec);
        return codec;
    }

    private static Path checkedBundle(Path bundle) {
        RecordingBundler.checkName(bundle);
        return bundle;
    }

    /** The one version string of tracekit, the analyzer's too. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tracekit " + TracekitVersion.get()};
        }
    }
}
