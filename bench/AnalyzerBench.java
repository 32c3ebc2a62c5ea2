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
 * Analyzer throughput against its ceiling. For each generated recording (bench/GenerateRecording.java) and
 * each verb, runs {@code bin/tracekit VERB --threads N} under /usr/bin/time (wall, CPU, peak RSS; output to
 * /dev/null; the files are in the page cache after the first run), then measures raw zstd decompression of
 * the same blocks (bench/DecompressCeiling.java) with the same thread counts.
 *
 * <p>Run by bench/run.sh from the repository root:
 * {@code java bench/AnalyzerBench.java OUT_DIR THREADS RECORDING_DIR...}; each recording directory's name ends
 * in its event count ("gen-10000000"). Prints Markdown tables on stdout.
 */
public class AnalyzerBench {
    static final Map<String, List<String>> VERBS = new LinkedHashMap<>();

    static {
        VERBS.put("summary", List.of("summary"));
        VERBS.put("syscalls --by process,syscall", List.of("syscalls", "--by", "process,syscall"));
        VERBS.put("opens -n sshd -x (filtered)", List.of("opens", "-n", "sshd", "-x"));
    }

    /** One timed command: wall and CPU seconds, peak resident set. */
    record Timing(double wallSeconds, double cpuSeconds, long maxRssKiB) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: AnalyzerBench OUT_DIR MAX_THREADS RECORDING_DIR...");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int maxThreads = Integer.parseInt(args[1]);
        List<Integer> threadCounts = maxThreads > 1 ? List.of(1, maxThreads) : List.of(1);
        StringBuilder md = new StringBuilder("| recording | verb | --threads | wall s | CPU s | events/s | events/s per "
                + "thread | peak RSS MiB | decompression ceiling events/s (same threads) | ceiling ÷ analyzer |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int r = 2; r < args.length; r++) {
            Path recording = Path.of(args[r]).toAbsolutePath();
            long events = Long.parseLong(recording.getFileName().toString().replaceAll("\\D", ""));
            Map<Integer, Double> ceiling = ceiling(recording, threadCounts);
            for (var verb : VERBS.entrySet()) {
                for (int threads : threadCounts) {
                    List<String> command = new ArrayList<>(List.of(RecordingCounts.TRACEKIT.toString()));
                    command.addAll(verb.getValue());
                    command.addAll(List.of(recording.toString(), "--threads", Integer.toString(threads)));
                    Timing t = time(command, out.resolve("time.txt"));
                    double rate = events / t.wallSeconds;
                    md.append(String.format(Locale.ROOT, "| %,d events | %s | %d | %.2f | %.2f | %,.0f | %,.0f | %,d | "
                            + "%,.0f | %.1f× |%n", events, verb.getKey(), threads, t.wallSeconds, t.cpuSeconds, rate,
                            rate / threads, t.maxRssKiB / 1024, ceiling.get(threads), ceiling.get(threads) / rate));
                    System.err.printf(Locale.ROOT, "analyzer: %,d events, %s, %d threads: %.2f s, %,.0f events/s, %,d MiB%n",
                            events, verb.getKey(), threads, t.wallSeconds, rate, t.maxRssKiB / 1024);
                }
            }
        }
        System.out.print(md);
    }

    /** Runs the command under GNU time (-f "%e %U %S %M"), its output discarded. */
    static Timing time(List<String> command, Path timeFile) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%e %U %S %M"));
        timed.addAll(command);
        int exit = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command + " exited with " + exit);
        }
        String[] f = Files.readString(timeFile, StandardCharsets.UTF_8).strip().split("\\s+");
        return new Timing(Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
                Long.parseLong(f[3]));
    }

    /** Events/s of bench/DecompressCeiling.java per thread count, over the same recording. */
    static Map<Integer, Double> ceiling(Path recording, List<Integer> threadCounts) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "analyzer/target/tracekit-analyzer.jar", "bench/DecompressCeiling.java", recording.toString()));
        threadCounts.forEach(t -> command.add(Integer.toString(t)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("DecompressCeiling failed: " + text);
        }
        Map<Integer, Double> rates = new LinkedHashMap<>();
        text.lines().map(l -> l.split(" ")).forEach(f -> rates.put(Integer.parseInt(f[0]), Double.parseDouble(f[3])));
        return rates;
    }
}
