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
 * /dev/null; the files are in the page cache after the first run), and measures raw zstd decompression of
 * the blocks of the streams that verb reads (bench/DecompressCeiling.java) with the same thread counts.
 * Rates count the events of those streams only (syscalls reads the syscall events, opens the opens).
 *
 * <p>Run by bench/run.sh from the repository root:
 * {@code java bench/AnalyzerBench.java OUT_DIR THREADS ROUNDS RECORDING_DIR...}; each recording directory's name
 * ends in its event count ("gen-10000000"). Each round times the ceiling, then the analyzer; the table gives
 * medians over rounds and the median of the per-round ratios. Prints Markdown tables on stdout.
 */
public class AnalyzerBench {
    /** A verb's arguments and the streams it reads. */
    record Verb(String name, List<String> args, String streams) {
    }

    static final List<Verb> VERBS = List.of(
            new Verb("summary", List.of("summary"), "syscall-events,opens"),
            new Verb("syscalls --by process,syscall", List.of("syscalls", "--by", "process,syscall"), "syscall-events"),
            new Verb("opens -n sshd -x (filtered)", List.of("opens", "-n", "sshd", "-x"), "opens"));

    /** One timed command: wall and CPU seconds, peak resident set. */
    record Timing(double wallSeconds, double cpuSeconds, long maxRssKiB) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: AnalyzerBench OUT_DIR MAX_THREADS ROUNDS RECORDING_DIR...");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int maxThreads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Integer> threadCounts = maxThreads > 1 ? List.of(1, maxThreads) : List.of(1);
        StringBuilder md = new StringBuilder("| recording | verb | events read | --threads | wall s | CPU s | events/s "
                + "| events/s per thread | peak RSS MiB | decompression ceiling events/s (same threads) "
                + "| ceiling ÷ analyzer |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int r = 3; r < args.length; r++) {
            Path recording = Path.of(args[r]).toAbsolutePath();
            long all = Long.parseLong(recording.getFileName().toString().replaceAll("\\D", ""));
            for (Verb verb : VERBS) {
                // Each round measures the ceiling and then the analyzer, so each ratio compares runs seconds apart.
                Map<Integer, List<Timing>> timings = new LinkedHashMap<>();
                Map<Integer, List<Double>> ceilings = new LinkedHashMap<>();
                long events = 0;
                for (int round = 0; round < rounds; round++) {
                    Map<Integer, double[]> ceiling = ceiling(recording, verb.streams, threadCounts);
                    events = (long) ceiling.get(1)[0];
                    for (int threads : threadCounts) {
                        List<String> command = new ArrayList<>(List.of(RecordingCounts.TRACEKIT.toString()));
                        command.addAll(verb.args);
                        command.addAll(List.of(recording.toString(), "--threads", Integer.toString(threads)));
                        Timing t = time(command, out.resolve("time.txt"));
                        timings.computeIfAbsent(threads, k -> new ArrayList<>()).add(t);
                        ceilings.computeIfAbsent(threads, k -> new ArrayList<>()).add(ceiling.get(threads)[1]);
                        System.err.printf(Locale.ROOT, "analyzer: %,d events, %s, %d threads, round %d: %.2f s, "
                                + "%,.0f events/s (ceiling %,.0f), %,d MiB%n", all, verb.name, threads, round + 1,
                                t.wallSeconds, events / t.wallSeconds, ceiling.get(threads)[1], t.maxRssKiB / 1024);
                    }
                }
                for (int threads : threadCounts) {
                    List<Timing> ts = timings.get(threads);
                    List<Double> cs = ceilings.get(threads);
                    double wall = Medians.of(ts.stream().map(Timing::wallSeconds).toList());
                    double rate = events / wall;
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < ts.size(); i++) {
                        ratios.add(cs.get(i) / (events / ts.get(i).wallSeconds));
                    }
                    md.append(String.format(Locale.ROOT, "| %,d events | %s | %,d | %d | %.2f | %.2f | %,.0f | %,.0f | %,d "
                            + "| %,.0f | %.1f× |%n", all, verb.name, events, threads, wall,
                            Medians.of(ts.stream().map(Timing::cpuSeconds).toList()), rate, rate / threads,
                            (long) Medians.of(ts.stream().map(t -> (double) t.maxRssKiB).toList()) / 1024, Medians.of(cs),
                            Medians.of(ratios)));
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

    /** Per thread count: {events, events/s} of bench/DecompressCeiling.java over the streams' blocks. */
    static Map<Integer, double[]> ceiling(Path recording, String streams, List<Integer> threadCounts)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "analyzer/target/tracekit-analyzer.jar", "bench/DecompressCeiling.java", recording.toString(),
                streams));
        threadCounts.forEach(t -> command.add(Integer.toString(t)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("DecompressCeiling failed: " + text);
        }
        Map<Integer, double[]> rates = new LinkedHashMap<>();
        text.lines().map(l -> l.split(" ")).forEach(f -> rates.put(Integer.parseInt(f[0]),
                new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3])}));
        return rates;
    }
}
