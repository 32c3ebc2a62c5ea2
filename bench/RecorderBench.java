import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Recorder overhead, side by side: the workload's time per operation untraced and under each tracer. Every
 * traced run is paired with an untraced run just before it, so the machine's drift hits both alike; the table
 * quotes medians over rounds of the per-pair ratios. System-wide tracers (tracekit, bpftrace) get a warm-up
 * burst of half the operations before the measured run, so the figures are the steady state, not the JVM's
 * JIT compilation or BPF loading; their CPU time is read from /proc just before and after the measured run.
 *
 * <p>Run by bench/run.sh from the repository root:
 * {@code java bench/RecorderBench.java WORKLOAD OUT_DIR ROUNDS OPEN_OPS [TRACER_NAME_PART,...]} (the last keeps
 * only the tracers whose names contain a part). Prints a Markdown table on stdout;
 * every run goes to OUT_DIR/recorder-runs.tsv.
 */
public class RecorderBench {
    /** How a tracer runs: around the workload (strace, perf), or system-wide before it starts. */
    enum Kind { WRAP, SYSTEM }

    /** Counts what a tracer kept of the measured workload run, from its output; lost is -1 if it counts none. */
    interface Counter {
        RecordingCounts.Capture count(Path output, long workloadPid) throws IOException, InterruptedException;
    }

    /**
     * One measured configuration; {@code readyMark} is what a system-wide tracer prints once attached, and
     * {@code companion} a process run beside it whose CPU is not the tracer's (a scraper, a follower).
     */
    record Tracer(String name, Kind kind, List<String> command, String readyMark, Counter counter,
            List<String> companion) {
        Tracer(String name, Kind kind, List<String> command, String readyMark, Counter counter) {
            this(name, kind, command, readyMark, counter, List.of());
        }

        List<String> command(Path output) {
            return command.stream().map(arg -> arg.replace("{out}", output.toString())).toList();
        }

        List<String> companion(Path output) {
            return companion.stream().map(arg -> arg.replace("{out}", output.toString())).toList();
        }

        /** The same tracer with extra options and a companion process, under another name. */
        Tracer with(String newName, List<String> options, List<String> newCompanion) {
            List<String> longer = new ArrayList<>(command);
            longer.addAll(options);
            return new Tracer(newName, kind, longer, readyMark, counter, newCompanion);
        }
    }

    /** Where the --metrics variant serves, scraped once a second as Prometheus would. */
    private static final String METRICS_ADDRESS = "127.0.0.1:19464";

    record Run(String storm, String tracer, long ops, Workload.Result baseline, Workload.Result traced,
            RecordingCounts.Capture capture, long outputBytes, double tracerCpuSeconds) {
        double slowdown() {
            return traced.nsPerOp() / baseline.nsPerOp();
        }

        double cpuRatio() {
            return traced.cpuNsPerOp() / baseline.cpuNsPerOp();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: RecorderBench WORKLOAD OUT_DIR ROUNDS OPEN_OPS [TRACER_NAME_PART,...]");
            System.exit(2);
        }
        // Optional: only the tracers whose names contain one of these, for a focused run (bench/run.sh runs all).
        List<String> only = args.length == 5 ? List.of(args[4].split(",")) : List.of();
        Workload workload = new Workload(Path.of(args[0]).toAbsolutePath());
        // bench/refconsumer.c, built by run.sh beside the workload
        Path refconsumer = Path.of(args[0]).toAbsolutePath().resolveSibling("refconsumer");
        Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        int rounds = Integer.parseInt(args[2]);
        long openOps = Long.parseLong(args[3]);

        // storm -> (operations, tracers); getpid and kill are cheaper syscalls, so more of them
        Map<String, Map.Entry<Long, List<Tracer>>> plan = new LinkedHashMap<>();
        plan.put("open", Map.entry(openOps, List.of(
                reference(refconsumer),
                tracekit("tracekit opens+kills", "opens,kills", "opens"),
                // the reference compresses nothing: this splits the recorder's encoding from its compression
                tracekit("tracekit opens+kills --codec none", "opens,kills", "opens", "--codec", "none"),
                tracekit("tracekit opens+kills+procs", "opens,kills,procs", "opens"),
                // issue 12: what being watched costs the recorder (the scraper's and follower's own CPU not counted)
                tracekit("tracekit opens+kills", "opens,kills", "opens").with("tracekit opens+kills, --metrics scraped every 1 s",
                        List.of("--metrics", METRICS_ADDRESS), List.of("sh", "-c", "while sleep 1; do curl -s -o /dev/null "
                                + "http://" + METRICS_ADDRESS + "/metrics; done")),
                tracekit("tracekit opens+kills", "opens,kills", "opens").with("tracekit opens+kills, a follower attached",
                        List.of(), List.of(RecordingCounts.TRACEKIT.toString(), "opens", "{out}", "--follow")),
                tracekit("tracekit counts only", "syscalls", "openat"),
                tracekit("tracekit syscall events", "syscall-events", "openat"),
                tracekit("tracekit counts --latency", "syscalls", "openat", "--latency"),
                strace(), perfTrace(), perfRecord(), bpftracePrintf(workload.comm()))));
        // the same opens through a relative path: the difference to "open" is the kernel's walk to the full path
        plan.put("relopen", Map.entry(openOps, List.of(tracekit("tracekit opens+kills", "opens,kills", "opens"))));
        plan.put("getpid", Map.entry(openOps * 5, List.of(
                tracekit("tracekit counts only", "syscalls", "getpid"),
                tracekit("tracekit counts --latency", "syscalls", "getpid", "--latency"),
                bpftraceCount())));
        plan.put("kill", Map.entry(openOps * 2, List.of(reference(refconsumer),
                tracekit("tracekit opens+kills", "opens,kills", "kills"),
                tracekit("tracekit opens+kills --codec none", "opens,kills", "kills", "--codec", "none"))));
        // fork + exec /bin/true + wait: a process start costs ~1,000 opens, so far fewer of them
        plan.put("exec", Map.entry(Math.max(500, openOps / 200), List.of(tracekit("tracekit procs", "procs", "execs"),
                execsnoop())));

        List<Run> runs = new ArrayList<>();
        for (var storm : plan.entrySet()) {
            long ops = storm.getValue().getKey();
            for (int round = 0; round < rounds; round++) {
                for (Tracer tracer : storm.getValue().getValue()) {
                    if (!only.isEmpty() && only.stream().noneMatch(tracer.name::contains)) {
                        continue;
                    }
                    Workload.Result baseline = workload.run(storm.getKey(), ops);
                    Run run = measure(workload, storm.getKey(), ops, tracer, baseline, out.resolve("run"));
                    runs.add(run);
                    System.err.printf(Locale.ROOT, "%-6s %-28s round %d: %,.0f ns/op (%.2fx wall, %.2fx cpu), "
                            + "%,d/%,d events, %d lost, tracer %.2f s cpu%n", storm.getKey(), tracer.name, round + 1,
                            run.traced.nsPerOp(), run.slowdown(), run.cpuRatio(), run.capture.events(), ops,
                            run.capture.lost(), run.tracerCpuSeconds);
                }
            }
        }
        writeRuns(out.resolve("recorder-runs.tsv"), runs);
        System.out.print(table(runs));
    }

    static Run measure(Workload workload, String storm, long ops, Tracer tracer, Workload.Result baseline, Path output)
            throws IOException, InterruptedException {
        deleteTree(output);
        Path log = output.resolveSibling("tracer.log");
        Workload.Result traced;
        double cpu;
        if (tracer.kind == Kind.SYSTEM) {
            try (SystemTracer system = SystemTracer.start(tracer.command(output), log, output, tracer.readyMark);
                    Companion companion = Companion.start(tracer.companion(output))) {
                workload.run(storm, ops / 2); // warm-up: JIT, page faults in the rings
                double before = system.cpuSeconds();
                traced = workload.run(storm, ops);
                Thread.sleep(150); // let the consumer's next poll take what the run left in the ring
                cpu = system.cpuSeconds() - before;
            }
        } else {
            List<String> command = new ArrayList<>(tracer.command(output));
            command.addAll(workload.command(storm, ops));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            double seen = 0;
            while (process.isAlive()) { // the last sample is within 20 ms of the tracer's end
                seen = Math.max(seen, SystemTracer.cpuSeconds(process.pid()));
                Thread.sleep(20);
            }
            cpu = seen;
            // the workload is the tracer's child; its result line is in the log (strace/perf write elsewhere)
            traced = Workload.parse(Files.readString(log, StandardCharsets.ISO_8859_1), storm, -1);
        }
        RecordingCounts.Capture capture = tracer.counter.count(output, traced.pid());
        return new Run(storm, tracer.name, ops, baseline, traced, capture, size(output), cpu);
    }

    /** A process run beside a tracer for the measurement (none when the command is empty), then ended. */
    record Companion(Process process) implements AutoCloseable {
        static Companion start(List<String> command) throws IOException, InterruptedException {
            if (command.isEmpty()) {
                return new Companion(null);
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1000); // the follower's start-up, or the first scrape, before the measured run
            return new Companion(process);
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor();
            }
        }
    }

    /** tracekit record with the given families, counting the workload's records of {@code what}. */
    static Tracer tracekit(String name, String events, String what, String... options) {
        List<String> command = new ArrayList<>(List.of(RecordingCounts.TRACEKIT.toString(), "record", "-o", "{out}",
                "--events", events));
        command.addAll(List.of(options));
        return new Tracer(name, Kind.SYSTEM, command, "tracekit record: recording", (output, pid) -> {
            List<String> byPid = List.of("-p", Long.toString(pid));
            return switch (what) {
                case "opens" -> RecordingCounts.events(output, "opens", List.of("-p", Long.toString(pid), "--path",
                        "/dev/null")); // not the dynamic loader's opens
                case "kills" -> RecordingCounts.events(output, "kills", byPid);
                case "execs" -> new RecordingCounts.Capture(RecordingCounts.execs(output, pid), -1);
                default -> RecordingCounts.syscall(output, what, byPid);
            };
        });
    }

    /**
     * The consumer CPU reference: tracekit's opens and kills objects, configured alike, consumed by libbpf's
     * ring_buffer in C and written raw (bench/refconsumer.c). It counts nothing, so its CPU per event is per operation.
     */
    static Tracer reference(Path refconsumer) {
        return new Tracer("C libbpf consumer, same BPF objects (reference)", Kind.SYSTEM,
                List.of(refconsumer.toString(), Path.of("bpf/target/classes/dev/tracekit/bpf").toAbsolutePath().toString(),
                        "{out}"), "refconsumer: attached", (output, pid) -> new RecordingCounts.Capture(-1, -1));
    }

    /**
     * libbpf-tools' execsnoop to a file: a line per exec, with its PPID. Line-buffered, or its header (the sign it
     * is attached) would sit in stdio's buffer; at a few hundred execs a second the extra writes cost nothing.
     */
    static Tracer execsnoop() {
        return new Tracer("libbpf-tools execsnoop > file", Kind.SYSTEM,
                List.of("sh", "-c", "exec stdbuf -oL execsnoop > {out}"),
                "PCOMM", (output, pid) -> new RecordingCounts.Capture(countLines(output, " " + pid + " "), -1));
    }

    static Tracer strace() {
        return new Tracer("strace -f -o", Kind.WRAP, List.of("strace", "-f", "-o", "{out}"), null,
                (output, pid) -> new RecordingCounts.Capture(countLines(output, "/dev/null"), -1));
    }

    static Tracer perfTrace() {
        return new Tracer("perf trace -e openat", Kind.WRAP, List.of("perf", "trace", "-o", "{out}", "-e", "openat", "--"),
                null, (output, pid) -> new RecordingCounts.Capture(countLines(output, "openat("), -1));
    }

    static Tracer perfRecord() {
        return new Tracer("perf record openat tracepoints", Kind.WRAP, List.of("perf", "record", "-q", "-o", "{out}",
                "-e", "syscalls:sys_enter_openat,syscalls:sys_exit_openat", "--"), null,
                (output, pid) -> new RecordingCounts.Capture(countLines(perfScript(output), "sys_exit_openat"), -1));
    }

    /** bpftrace recording the same fields as tracekit's open records, as text, for the workload only. */
    static Tracer bpftracePrintf(String comm) {
        String program = "tracepoint:syscalls:sys_enter_openat /comm == \"" + comm + "\"/ { @path[tid] = args->filename; }"
                + " tracepoint:syscalls:sys_exit_openat /@path[tid]/ { printf(\"%d %d %d %d %d %s %s %d\\n\", nsecs,"
                + " pid, tid, uid, cpu, comm, str(@path[tid]), args->ret); delete(@path[tid]); }";
        return new Tracer("bpftrace printf to file", Kind.SYSTEM, List.of("bpftrace", "-o", "{out}", "-e", program),
                "Attaching", (output, pid) -> new RecordingCounts.Capture(countLines(output, " " + pid + " " + pid + " "), -1));
    }

    /** The in-kernel count reference: one per-CPU counter bumped on raw_syscalls:sys_enter, nothing recorded. */
    static Tracer bpftraceCount() {
        return new Tracer("bpftrace @ = count() on raw_syscalls (reference)", Kind.SYSTEM,
                List.of("bpftrace", "-o", "{out}", "-e", "tracepoint:raw_syscalls:sys_enter { @ = count(); }"),
                "Attaching", (output, pid) -> new RecordingCounts.Capture(-1, -1));
    }

    static Path perfScript(Path data) throws IOException, InterruptedException {
        Path text = data.resolveSibling("perf-script.txt");
        new ProcessBuilder("perf", "script", "-i", data.toString()).redirectOutput(text.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return text;
    }

    static long countLines(Path file, String needle) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(needle)).count();
        }
    }

    static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }


    static void writeRuns(Path file, List<Run> runs) throws IOException {
        StringBuilder tsv = new StringBuilder("storm\ttracer\tops\tbase_ns_per_op\tbase_cpu_ns_per_op\tns_per_op\t"
                + "cpu_ns_per_op\tevents\tlost\tbytes\ttracer_cpu_s\n");
        for (Run r : runs) {
            tsv.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\t%.2f%n", r.storm,
                    r.tracer, r.ops, r.baseline.nsPerOp(), r.baseline.cpuNsPerOp(), r.traced.nsPerOp(),
                    r.traced.cpuNsPerOp(), r.capture.events(), r.capture.lost(), r.outputBytes, r.tracerCpuSeconds));
        }
        Files.writeString(file, tsv);
    }

    static String table(List<Run> runs) {
        StringBuilder md = new StringBuilder("| storm | tracer | untraced ns/op | traced ns/op | slowdown (wall) "
                + "| workload CPU × | events captured / expected | lost (counted) | bytes/event on disk "
                + "| tracer CPU µs/event | tracer CPU, cores |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<List<String>, List<Run>> groups = new LinkedHashMap<>();
        for (Run r : runs) {
            groups.computeIfAbsent(List.of(r.storm, r.tracer), k -> new ArrayList<>()).add(r);
        }
        for (List<Run> g : groups.values()) {
            Run first = g.get(0);
            double events = Medians.of(g.stream().map(r -> (double) r.capture.events()).toList());
            double lost = Medians.of(g.stream().map(r -> (double) r.capture.lost()).toList());
            double bytes = Medians.of(g.stream().map(r -> (double) r.outputBytes).toList());
            double cpu = Medians.of(g.stream().map(r -> r.tracerCpuSeconds).toList());
            double tracedSeconds = Medians.of(g.stream().map(r -> r.traced.nsPerOp() * r.ops / 1e9).toList());
            boolean counted = events >= 0;
            md.append(String.format(Locale.ROOT, "| %s × %,d | %s | %,.0f | %,.0f | **%.2f×** | %.2f× | %s | %s | %s | %s | %.2f |%n",
                    first.storm, first.ops, first.tracer,
                    Medians.of(g.stream().map(r -> r.baseline.nsPerOp()).toList()),
                    Medians.of(g.stream().map(r -> r.traced.nsPerOp()).toList()),
                    Medians.of(g.stream().map(Run::slowdown).toList()),
                    Medians.of(g.stream().map(Run::cpuRatio).toList()),
                    counted ? String.format(Locale.ROOT, "%,.0f / %,d", events, first.ops) : "—",
                    lost >= 0 ? String.format(Locale.ROOT, "%,.0f", lost) : "—",
                    counted && events > 0 ? String.format(Locale.ROOT, "%.1f", bytes / events) : "—",
                    String.format(Locale.ROOT, "%.2f", cpu * 1e6 / (counted && events > 0 ? events : first.ops)),
                    cpu / tracedSeconds));
        }
        return md.toString();
    }
}
