package dev.tracekit.recorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.config.ConfigFileWatcher;
import dev.tracekit.recorder.config.LiveFilter;
import dev.tracekit.recorder.config.LiveFilterConfig;
import dev.tracekit.recorder.counts.PerCpuCounter;
import dev.tracekit.recorder.counts.SyscallCountCollector;
import dev.tracekit.recorder.decode.RecordDispatcher;
import dev.tracekit.recorder.ffm.BpfObject;
import dev.tracekit.recorder.ffm.Libbpf;
import dev.tracekit.recorder.ffm.LibbpfLog;
import dev.tracekit.recorder.ffm.Libc;
import dev.tracekit.recorder.ffm.NativeCallException;
import dev.tracekit.recorder.ffm.RingBufferPoller;
import dev.tracekit.recorder.host.BootClock;
import dev.tracekit.recorder.host.HostFacts;
import dev.tracekit.recorder.host.HostTgid;
import dev.tracekit.recorder.host.ProcessTable;
import dev.tracekit.recorder.metrics.MetricsEndpoint;
import dev.tracekit.recorder.metrics.RecordTally;
import dev.tracekit.recorder.metrics.RingFill;
import dev.tracekit.recorder.metrics.RecorderMetrics;
import dev.tracekit.recorder.output.IoErrors;
import dev.tracekit.recorder.output.OutputDirectory;
import dev.tracekit.recorder.output.RecordingBundler;
import dev.tracekit.recorder.output.RecordObserver;
import dev.tracekit.recorder.output.RecordingOutput;
import dev.tracekit.recorder.redact.RedactionKey;
import dev.tracekit.recorder.redact.Redactor;
import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.ProcessSnapshotCodec;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.TracekitVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One recording run: check the host, load the programs, open the files, attach, then poll the rings and
 * close an interval every --interval until --duration or a stop signal; then switch the programs off (one map
 * write each), drain what is left in the rings, write the last interval and close, and unlink the programs last:
 * the kernel takes tens of milliseconds per tracepoint link. Nothing that reached user space is lost.
 */
final class Recorder {
    /** The BPF side wakes us only when a ring fills; otherwise this bounds how stale user space gets. */
    private static final int POLL_TIMEOUT_MS = 50;

    private final RecorderOptions options;
    private final String commandLine;
    private final PrintWriter err;
    /** How full each ring was when last read: the poller reports it, --metrics serves it. */
    private final RingFill rings = new RingFill();

    Recorder(RecorderOptions options, String commandLine, PrintWriter err) {
        this.options = options;
        this.commandLine = commandLine;
        this.err = err;
    }

    int run() {
        Path tracefs = Preconditions.check();
        StartupTrace.mark("preconditions checked");
        LibbpfLog.echoTo(options.verbose() ? System.err : null);
        HostFacts host = HostFacts.current();
        StartupTrace.mark("host facts read");
        LiveFilterConfig configParser = new LiveFilterConfig(SyscallTable.of(host.arch()));
        Optional<ConfigFileWatcher> watcher = options.config().map(Recorder::watch);
        LiveFilter filter = watcher.map(w -> initialFilter(configParser, w)).orElse(options.liveFilter());
        ProcessTable processes = ProcessTable.host();
        boolean hostNamespace = processes.inHostPidNamespace();
        int selfTgid = selfTgid(hostNamespace);
        // The BPF objects load (libbpf parses the kernel's BTF, the verifier checks each program: the longest step
        // of the start) on a thread of their own from the moment all they need is known, while this one binds the
        // metrics endpoint and makes the files. Whatever fails meanwhile closes what loaded, and nothing is written
        // until the directory checks pass.
        BackgroundStep<TracingPrograms> loading = BackgroundStep.start("bpf-load",
                () -> TracingPrograms.load(options, filter, tracefs, selfTgid, err));
        StartupTrace.mark("filters read, loading started");
        Path dir;
        try (ClosingLoad unused = () -> loading.joinQuietly().ifPresent(TracingPrograms::close)) {
            dir = writeRecording(loading, host, configParser, watcher, processes, hostNamespace, selfTgid);
        }
        if (options.bundle().isPresent()) {
            bundle(dir, options.bundle().get());
        }
        return RecorderException.OK;
    }

    /** Makes the files while the programs load, then records into them until the run ends; returns the directory. */
    private Path writeRecording(BackgroundStep<TracingPrograms> loading, HostFacts host, LiveFilterConfig configParser,
            Optional<ConfigFileWatcher> watcher, ProcessTable processes, boolean hostNamespace, int selfTgid) {
        Redactor redactor = redactor();
        RecordTally tally = new RecordTally(!options.records(EventFamily.SYSCALLS));
        // Bound before the output directory is made: a port in use ends the run with nothing written.
        MetricsEndpoint metrics = metricsEndpoint(tally, host);
        StartupTrace.mark("redactor, metrics");
        Path dir;
        try {
            dir = usableOutput();
        } catch (RuntimeException e) {
            if (metrics != null) {
                metrics.close();
            }
            throw e;
        }
        boolean terminal = Libc.isatty(2);
        StartupTrace.mark("output directory made");
        if (!hostNamespace) {
            err.println("tracekit record: note: running in a pid namespace other than the host's (the recorder is pid "
                    + ProcessHandle.current().pid() + " here, " + selfTgid + " on the host); events and counts carry "
                    + "host pids, each file's process snapshot this namespace's, so the two cannot be matched");
        }
        // /proc is read for the first files' process snapshot on a thread of its own while this one makes the files.
        BackgroundStep<byte[]> firstSnapshot = BackgroundStep.start("proc-snapshot", () -> snapshot(processes));
        try (metrics) {
            RecordingOutput output = new RecordingOutput(dir, meta(host, redactor), CodecSpec.parse(options.codec()),
                    options.rotation(), streams(), BootClock::nowNs, metrics != null ? tally : RecordObserver.NONE,
                    new Supplier<>() {
                        private BackgroundStep<byte[]> first = firstSnapshot;

                        @Override
                        public byte[] get() { // files started later get one read when they start
                            byte[] snapshot = first != null ? first.join() : snapshot(processes);
                            first = null;
                            return snapshot;
                        }
                    });
            StartupTrace.mark("files created");
            TracingPrograms programs;
            try {
                programs = loading.join();
            } catch (RuntimeException e) {
                discard(output, dir, e);
                throw e;
            }
            StartupTrace.mark("BPF objects loaded");
            Totals totals;
            try (output; RingBufferPoller poller = new RingBufferPoller(
                    new RecordDispatcher(output, redactor, metrics != null ? tally : null))) {
                totals = record(programs, output, poller, terminal, dir, watcher, configParser, redactor);
            }
            StartupTrace.mark("files closed");
            StatusLine.printSummary(err, terminal, output, totals.elapsedNs(), totals.lost(), dir.toString());
        } catch (IOException e) {
            throw new RecorderException(RecorderException.FAILED, "writing " + dir + ": " + IoErrors.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new RecorderException(RecorderException.FAILED, "writing " + dir + ": " + IoErrors.describe(e.getCause()), e);
        } catch (NativeCallException e) {
            throw new RecorderException(RecorderException.FAILED, e.getMessage().lines().findFirst().orElseThrow()
                    + (options.verbose() ? "" : " (rerun with --verbose for libbpf's log)"), e);
        } catch (RecorderException e) {
            throw e;
        } catch (Exception e) {
            throw new RecorderException(RecorderException.FAILED, e.toString(), e);
        }
        return dir;
    }

    /** The recorder's tgid as the programs see it, so they leave it out; a failure is one line. */
    private int selfTgid(boolean hostNamespace) {
        try {
            return HostTgid.of(hostNamespace);
        } catch (NativeCallException | IllegalStateException | UncheckedIOException e) {
            throw new RecorderException(RecorderException.FAILED, "finding the recorder's own pid on the host: "
                    + e.getMessage().lines().findFirst().orElseThrow(), e);
        }
    }

    /**
     * Closes and deletes the files of a run that never attached (its programs failed to load): the directory was
     * empty or new (OutputDirectory), and stays as it was, as when the programs were loaded before the files.
     */
    private static void discard(RecordingOutput output, Path dir, RuntimeException failure) {
        try {
            output.close();
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static byte[] snapshot(ProcessTable processes) {
        byte[] snapshot = ProcessSnapshotCodec.encode(processes.read(BootClock.nowNs()));
        StartupTrace.mark("process snapshot read");
        return snapshot;
    }

    /** Closes the loaded programs, once loaded, at the end of the run's try block; never throws. */
    @FunctionalInterface
    private interface ClosingLoad extends AutoCloseable {
        @Override
        void close();
    }

    /** The metrics endpoint when --metrics asked for one, else null. */
    private MetricsEndpoint metricsEndpoint(RecordTally tally, HostFacts host) {
        if (options.metrics().isEmpty()) {
            return null;
        }
        try {
            return MetricsEndpoint.start(options.metrics().get(), RecorderMetrics.registry(tally, rings, SyscallTable.of(host.arch())));
        } catch (IllegalArgumentException e) {
            throw new RecorderException(RecorderException.USAGE, e.getMessage());
        }
    }

    /** What a run amounted to, for the summary line. */
    private record Totals(long elapsedNs, long lost) {
    }

    /** Attaches, polls and closes intervals until the duration is up or a stop signal came, then drains. */
    private Totals record(TracingPrograms programs, RecordingOutput output, RingBufferPoller poller, boolean terminal,
            Path dir, Optional<ConfigFileWatcher> watcher, LiveFilterConfig configParser, Redactor redactor)
            throws Exception {
        programs.ringBuffers().forEach((family, map) -> poller.add(map, rings.ring(family, map.size())));
        StartupTrace.mark("rings mapped");
        IntervalAccounting intervals = intervalAccounting(output, programs, redactor);
        StartupTrace.mark("interval accounting");
        try (StopSignals stop = StopSignals.install()) {
            poller.wakeOn(stop.wakeFd());
            programs.attach();
            StartupTrace.mark("attached");
            long startNs = BootClock.nowNs();
            intervals.boundary(startNs);
            err.println("tracekit record: recording " + options.events() + " into " + dir
                    + (options.durationNs() == 0 ? "; " + StopSignals.DESCRIPTION : ""));
            err.flush();
            StartupTrace.mark("ready line printed");
            Thread.ofPlatform().daemon().name("link-deferred").start(Libbpf::linkDeferred);
            StatusLine status = new StatusLine(err, statusMode(terminal), output, startNs);
            long intervalStartNs = startNs;
            long intervalDueNs = startNs + options.intervalNs();
            long deadlineNs = options.durationNs() == 0 ? Long.MAX_VALUE : startNs + options.durationNs();
            long nowNs = startNs;
            while (!stop.requested() && nowNs < deadlineNs) {
                poller.poll(timeoutMs(nowNs, Math.min(deadlineNs, intervalDueNs)));
                nowNs = BootClock.nowNs();
                if (nowNs >= intervalDueNs) {
                    intervals.end(intervalStartNs, nowNs);
                    intervalStartNs = nowNs;
                    intervalDueNs = nextIntervalDueNs(intervalDueNs, nowNs, options.intervalNs());
                    watcher.ifPresent(w -> reload(w, configParser, programs));
                }
                status.maybePrint(nowNs, intervals.lost());
            }
            // Still under the stop handlers: a second Ctrl-C while the last interval is written only asks again.
            long stopNs = BootClock.nowNs();
            StartupTrace.mark("stop seen");
            programs.stop();
            StartupTrace.mark("programs stopped");
            poller.drain(); // what the programs wrote before they stopped
            StartupTrace.mark("drained");
            long endNs = BootClock.nowNs();
            intervals.end(intervalStartNs, endNs);
            intervals.boundary(endNs); // the recording closed cleanly: nothing after endNs is missing
            StartupTrace.mark("last interval written");
            return new Totals(stopNs - startNs, intervals.lost());
        }
    }

    /**
     * When the interval that starts at {@code nowNs} ends: on the run's grid (its start plus whole intervals), so an
     * interval that ended late, as each does by the poll's rounding and wake-up, shortens the next instead of
     * pushing every later end back: intervals last -i on average, and an event waits at most about one for its row
     * (a follower shows it then). An end later than half an interval starts the grid again from it, rather than
     * leave an interval shorter than that.
     */
    static long nextIntervalDueNs(long dueNs, long nowNs, long intervalNs) {
        long onGrid = dueNs + intervalNs;
        return onGrid - nowNs >= intervalNs / 2 ? onGrid : nowNs + intervalNs;
    }

    /** The poll's wait: its usual timeout, cut short so an interval or the duration ends on time. */
    static int timeoutMs(long nowNs, long nextDueNs) {
        long untilDueMs = Math.ceilDiv(Math.max(0, nextDueNs - nowNs), 1_000_000L);
        return (int) Math.min(POLL_TIMEOUT_MS, untilDueMs);
    }

    private static ConfigFileWatcher watch(Path file) {
        try {
            return new ConfigFileWatcher(file);
        } catch (IOException e) {
            throw new RecorderException(RecorderException.USAGE, "cannot read config " + IoErrors.describe(e));
        }
    }

    private LiveFilter initialFilter(LiveFilterConfig parser, ConfigFileWatcher watcher) {
        try {
            return parser.parse(watcher.content(), options.liveFilter());
        } catch (IllegalArgumentException e) {
            throw new RecorderException(RecorderException.USAGE, "config " + watcher.file() + ": " + e.getMessage());
        }
    }

    /** A changed config replaces the live filters; a bad one leaves the old in force with one warning. */
    private void reload(ConfigFileWatcher watcher, LiveFilterConfig parser, TracingPrograms programs) {
        watcher.changedContent().ifPresent(content -> {
            try {
                programs.applyFilter(parser.parse(content, options.liveFilter()));
                err.println("tracekit record: config " + watcher.file() + " reloaded");
            } catch (IllegalArgumentException e) {
                err.println("tracekit record: warning: config " + watcher.file() + " not applied, previous filters stay: "
                        + e.getMessage());
            }
            err.flush();
        });
    }

    private StatusLine.Mode statusMode(boolean terminal) {
        if (terminal) {
            return StatusLine.Mode.TERMINAL;
        }
        return options.statusLines() ? StatusLine.Mode.LINES : StatusLine.Mode.OFF;
    }

    /** Loaded before the output directory is made, so a bad key leaves nothing behind. */
    private Redactor redactor() {
        if (options.redact().isEmpty()) {
            return Redactor.NONE;
        }
        try {
            return Redactor.of(options.redact(), RedactionKey.loadOrCreate(options.redactKey()));
        } catch (IllegalArgumentException e) {
            throw new RecorderException(RecorderException.USAGE, e.getMessage());
        }
    }

    private Path usableOutput() {
        options.bundle().ifPresent(bundle -> {
            if (Files.exists(bundle) || Files.isSymbolicLink(bundle)) {
                throw new RecorderException(RecorderException.USAGE, "bundle " + bundle + " already exists");
            }
        });
        Path dir;
        try {
            dir = OutputDirectory.prepare(options.output());
        } catch (IllegalArgumentException e) {
            throw new RecorderException(RecorderException.USAGE, e.getMessage());
        }
        if (options.bundle().map(bundle -> bundle.toAbsolutePath().normalize().startsWith(dir)).orElse(false)) {
            throw new RecorderException(RecorderException.USAGE, "the bundle must be outside the recording directory");
        }
        return dir;
    }

    private Set<RecordingStream> streams() {
        Set<RecordingStream> streams = EnumSet.of(RecordingStream.INTERVALS);
        options.events().forEach(family -> streams.add(family.stream()));
        return streams;
    }

    private IntervalAccounting intervalAccounting(RecordingOutput output, TracingPrograms programs, Redactor redactor) {
        if (!options.records(EventFamily.SYSCALLS)) {
            return new IntervalAccounting(output, programs, null, null);
        }
        BpfObject syscalls = programs.syscalls().orElseThrow();
        boolean latency = options.latency();
        SyscallCountCollector counts = new SyscallCountCollector(syscalls.mapFd("counts"),
                latency ? syscalls.mapFd("latencies") : -1, syscalls.mapFd("exited"), redactor);
        return new IntervalAccounting(output, programs, counts, new PerCpuCounter(syscalls.mapFd("count_overflows")));
    }

    private RecordingMeta meta(HostFacts host, Redactor redactor) {
        String filters;
        try {
            filters = new ObjectMapper().writeValueAsString(options.describe(redactor));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, UUID.randomUUID().toString(),
                host.hostname(), host.kernelRelease(), host.arch().unameName(), BootClock.bootToWallNs(),
                host.bootId(), TracekitVersion.get(), commandLine, filters);
    }

    private void bundle(Path dir, Path bundle) {
        try {
            RecordingBundler.bundle(dir, bundle);
            err.println("tracekit record: bundled into " + bundle);
        } catch (IOException e) {
            throw new RecorderException(RecorderException.FAILED, "bundling " + dir + " into " + IoErrors.describe(e), e);
        }
    }
}
