import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays beside {@code perf script}: one open storm of N opens (bench/workload.c) recorded by
 * {@code tracekit record --events opens} and by {@code perf record -e syscalls:sys_exit_openat}, then each
 * replayed to a pipe ({@code | cat > /dev/null}) under /usr/bin/time: wall and CPU seconds including start-up,
 * peak RSS. perf script prints one line per exit record (fd and result only; tracekit's rows carry the path,
 * flags and errno too). Rows per second count the storm's opens.
 *
 * <p>Run by bench/run.sh from the repository root (root: both record): {@code java bench/ReplayBench.java
 * STORM_BINARY OUT_DIR ROUNDS OPENS}. Prints a Markdown table on stdout: medians over rounds.
 */
public class ReplayBench {
    /** One replay command and what it is called in the table. */
    record Replay(String tool, String format, String command) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ReplayBench STORM_BINARY OUT_DIR ROUNDS OPENS");
            System.exit(2);
        }
        Workload storm = new Workload(Path.of(args[0]).toAbsolutePath());
        Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        int rounds = Integer.parseInt(args[2]);
        long opens = Long.parseLong(args[3]);

        Path recording = out.resolve("replay-rec");
        RecorderBench.deleteTree(recording);
        try (SystemTracer tracer = SystemTracer.start(List.of(RecordingCounts.TRACEKIT.toString(), "record",
                "-o", recording.toString(), "--events", "opens", "-n", storm.comm(), "--path-prefix", "/dev/null",
                "--ringbuf-size", "64M"), out.resolve("replay-tracer.log"), recording, "tracekit record: recording")) {
            storm.run("open", opens);
        }
        RecordingCounts.Capture capture = RecordingCounts.events(recording, "opens", List.of());
        Path perfData = out.resolve("replay-perf.data");
        List<String> perfRecord = new ArrayList<>(List.of("perf", "record", "-q", "-e", "syscalls:sys_exit_openat",
                "-o", perfData.toString(), "--"));
        perfRecord.addAll(storm.command("open", opens));
        run(perfRecord);
        String tracekit = RecordingCounts.TRACEKIT + " opens " + recording;
        List<Replay> replays = List.of(
                new Replay("perf script", "text", "perf script -i " + perfData),
                new Replay("tracekit opens", "table", tracekit),
                new Replay("tracekit opens", "csv", tracekit + " --format csv"),
                new Replay("tracekit opens", "ndjson", tracekit + " --format json"));
        System.err.printf(Locale.ROOT, "replay: %,d opens generated, %,d recorded by tracekit, %,d lines of perf script%n",
                opens, capture.events(), lines("perf script -i " + perfData));

        StringBuilder md = new StringBuilder("| replay of " + String.format(Locale.ROOT, "%,d", opens)
                + " opens, to a pipe | format | wall s (with start-up) | CPU s | rows/s | peak RSS MiB "
                + "| wall ÷ perf script's |\n|---|---|---:|---:|---:|---:|---:|\n");
        double perfWall = 0;
        for (Replay replay : replays) {
            List<AnalyzerBench.Timing> timings = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                AnalyzerBench.Timing t = AnalyzerBench.time(List.of("bash", "-c", replay.command + " | cat > /dev/null"),
                        out.resolve("time.txt"));
                timings.add(t);
                System.err.printf(Locale.ROOT, "replay: %s %s, round %d: %.2f s, %,.0f rows/s, %,d MiB%n", replay.tool,
                        replay.format, round + 1, t.wallSeconds(), opens / t.wallSeconds(), t.maxRssKiB() / 1024);
            }
            double wall = Medians.of(timings.stream().map(AnalyzerBench.Timing::wallSeconds).toList());
            if (replay.tool.equals("perf script")) {
                perfWall = wall;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %,.0f | %,d | %.2f |%n", replay.tool,
                    replay.format, wall, Medians.of(timings.stream().map(AnalyzerBench.Timing::cpuSeconds).toList()),
                    opens / wall, (long) Medians.of(timings.stream().map(t -> (double) t.maxRssKiB()).toList()) / 1024,
                    wall / perfWall));
        }
        System.out.print(md);
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
