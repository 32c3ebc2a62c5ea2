import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays beside {@code perf script}: one open storm of N opens (bench/workload.c) recorded by
 * {@code tracekit record --events opens} and by {@code perf record -e syscalls:sys_exit_openat}, then each
 * replayed to a pipe ({@code | cat > /dev/null}) under /usr/bin/time: wall and CPU seconds including start-up,
 * peak RSS. perf script prints one line per exit record (fd and result only; tracekit's rows carry the path,
 * flags and errno too). Rows per second count each tool's rows: the recording's opens, perf script's lines.
 * Rounds are interleaved (every replay once per round), so a shared machine's load falls on all alike. Each
 * tracekit build also replays one row ({@code --limit 1}): its start-up, which "rows/s after start-up" takes
 * off the wall time (issue 14's 2M rows/s is for the rendering; perf script's start-up is too short to matter).
 *
 * <p>Run by bench/run.sh from the repository root (root: both record): {@code java bench/ReplayBench.java
 * STORM_BINARY OUT_DIR ROUNDS OPENS}. Or over recordings already made, with no tracing and no lock to wait
 * for: {@code java bench/ReplayBench.java --recordings TRACEKIT_RECORDING PERF_DATA ROUNDS [BEFORE_LAUNCHER]},
 * where BEFORE_LAUNCHER is another build's bin/tracekit (say, main's) replayed beside this one's. Prints a
 * Markdown table on stdout: medians over rounds.
 */
public class ReplayBench {
    /** One replay command and what it is called in the table. */
    record Replay(String tool, String format, String command, long rows) {
    }

    /** The format of a one-row replay: start-up, reading the catalog and the first block, no rendering to speak of. */
    private static final String STARTUP = "start-up (--limit 1)";

    public static void main(String[] args) throws Exception {
        Path recording;
        Path perfData;
        int rounds;
        String before = null;
        if (args.length >= 4 && args.length <= 5 && args[0].equals("--recordings")) {
            recording = Path.of(args[1]).toAbsolutePath();
            perfData = Path.of(args[2]).toAbsolutePath();
            rounds = Integer.parseInt(args[3]);
            before = args.length == 5 ? Path.of(args[4]).toAbsolutePath().toString() : null;
        } else if (args.length == 4) {
            Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
            rounds = Integer.parseInt(args[2]);
            recording = out.resolve("replay-rec");
            perfData = out.resolve("replay-perf.data");
            record(new Workload(Path.of(args[0]).toAbsolutePath()), Long.parseLong(args[3]), out, recording, perfData);
        } else {
            System.err.println("usage: ReplayBench STORM_BINARY OUT_DIR ROUNDS OPENS\n"
                    + "       ReplayBench --recordings TRACEKIT_RECORDING PERF_DATA ROUNDS [BEFORE_LAUNCHER]");
            System.exit(2);
            return;
        }
        long opens = RecordingCounts.events(recording, "opens", List.of()).events();
        String perfScript = "perf script -i " + perfData;
        List<Replay> replays = new ArrayList<>(List.of(new Replay("perf script", "text", perfScript, lines(perfScript))));
        for (String launcher : before == null ? List.of(RecordingCounts.TRACEKIT.toString())
                : List.of(before, RecordingCounts.TRACEKIT.toString())) {
            String tool = launcher.equals(before) ? "tracekit opens (before)" : "tracekit opens";
            String tracekit = launcher + " opens " + recording;
            replays.add(new Replay(tool, STARTUP, tracekit + " --limit 1", 1));
            replays.add(new Replay(tool, "table", tracekit, opens));
            replays.add(new Replay(tool, "csv", tracekit + " --format csv", opens));
            replays.add(new Replay(tool, "ndjson", tracekit + " --format json", opens));
        }
        System.err.printf(Locale.ROOT, "replay: %,d opens in %s, %,d lines of perf script%n", opens, recording,
                replays.getFirst().rows());

        String loadBefore = loadAverage();
        Path timeFile = Files.createTempFile("replay-time", ".txt");
        Map<Replay, List<AnalyzerBench.Timing>> timings = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Replay replay : replays) {
                AnalyzerBench.Timing t = AnalyzerBench.time(List.of("bash", "-c", replay.command + " | cat > /dev/null"),
                        timeFile);
                timings.computeIfAbsent(replay, r -> new ArrayList<>()).add(t);
                System.err.printf(Locale.ROOT, "replay: %s %s, round %d: %.2f s, %,.0f rows/s, %,d MiB%n", replay.tool,
                        replay.format, round + 1, t.wallSeconds(), replay.rows / t.wallSeconds(), t.maxRssKiB() / 1024);
            }
        }
        Files.delete(timeFile);

        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "%d rounds, interleaved, medians; load average (1/5/15 min) before %s, after %s.%n%n", rounds,
                loadBefore, loadAverage()));
        md.append("| replay to a pipe | format | rows | wall s (with start-up) | CPU s | rows/s | rows/s after start-up "
                + "| × perf script's wall | peak RSS MiB |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        double perfWall = wall(timings.get(replays.getFirst()));
        double startup = 0;
        for (Replay replay : replays) {
            List<AnalyzerBench.Timing> ts = timings.get(replay);
            double wall = wall(ts);
            boolean oneRow = replay.format.equals(STARTUP);
            if (oneRow) {
                startup = wall; // the launcher's replays that follow in the list are timed beyond it
            }
            String afterStartup = oneRow || replay.tool.equals("perf script") ? "–"
                    : String.format(Locale.ROOT, "%,.0f", replay.rows / Math.max(0.01, wall - startup));
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %.2f | %s | %s | %.2f | %,d |%n", replay.tool,
                    replay.format, replay.rows, wall, Medians.of(ts.stream().map(AnalyzerBench.Timing::cpuSeconds).toList()),
                    oneRow ? "–" : String.format(Locale.ROOT, "%,.0f", replay.rows / wall), afterStartup, wall / perfWall,
                    (long) Medians.of(ts.stream().map(t -> (double) t.maxRssKiB()).toList()) / 1024));
        }
        System.out.print(md);
    }

    /** The storm recorded by both tracers, one after the other. */
    private static void record(Workload storm, long opens, Path out, Path recording, Path perfData) throws Exception {
        RecorderBench.deleteTree(recording);
        try (SystemTracer tracer = SystemTracer.start(List.of(RecordingCounts.TRACEKIT.toString(), "record",
                "-o", recording.toString(), "--events", "opens", "-n", storm.comm(), "--path-prefix", "/dev/null",
                "--ringbuf-size", "64M"), out.resolve("replay-tracer.log"), recording, "tracekit record: recording")) {
            storm.run("open", opens);
        }
        List<String> perfRecord = new ArrayList<>(List.of("perf", "record", "-q", "-e", "syscalls:sys_exit_openat",
                "-o", perfData.toString(), "--"));
        perfRecord.addAll(storm.command("open", opens));
        run(perfRecord);
    }

    private static double wall(List<AnalyzerBench.Timing> timings) {
        return Medians.of(timings.stream().map(AnalyzerBench.Timing::wallSeconds).toList());
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " exited with " + p.exitValue());
        }
    }

    private static long lines(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command + " | wc -l").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return Long.parseLong(text);
    }
}
