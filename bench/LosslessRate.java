import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The highest open rate tracekit records without a drop, and what happens past it. One or more open storms
 * run at once (each flat out on a core of its own, when there is one) under {@code tracekit record --events
 * opens}, with rings from small to the default. The recorder keeps only the storms' opens of /dev/null
 * ({@code -n} the workload's name {@code --path-prefix /dev/null}), so every open generated is either recorded or counted as
 * dropped in the kernel: the table checks recorded + dropped = generated.
 *
 * <p>Run by bench/run.sh from the repository root:
 * {@code java bench/LosslessRate.java WORKLOAD OUT_DIR OPS_PER_PROCESS}. Prints a Markdown table on stdout.
 */
public class LosslessRate {
    static final List<String> RING_SIZES = List.of("64K", "256K", "1M", "8M");
    static final List<Integer> PROCESSES = List.of(1, 2);

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LosslessRate WORKLOAD OUT_DIR OPS_PER_PROCESS");
            System.exit(2);
        }
        Workload workload = new Workload(Path.of(args[0]).toAbsolutePath());
        Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        long ops = Long.parseLong(args[2]);
        StringBuilder md = new StringBuilder("| open storms at once | --ringbuf-size | opens/s generated (sum) "
                + "| generated | recorded | dropped (kernel count) | recorded + dropped = generated |\n"
                + "|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (int processes : PROCESSES) {
            for (String ring : RING_SIZES) {
                Path recording = out.resolve("lossless-" + processes + "-" + ring);
                RecorderBench.deleteTree(recording);
                double rate = 0;
                long generated = ops / 2 + processes * ops;
                try (SystemTracer tracer = SystemTracer.start(List.of(RecordingCounts.TRACEKIT.toString(), "record",
                        "-o", recording.toString(), "--events", "opens", "-n", workload.comm(), "--path-prefix", "/dev/null",
                        "--ringbuf-size", ring), out.resolve("tracer.log"), recording, "tracekit record: recording")) {
                    workload.run("open", ops / 2); // warm-up, counted in generated too
                    for (Workload.Result result : workload.run("open", ops, processes)) {
                        rate += 1e9 / result.nsPerOp();
                    }
                }
                RecordingCounts.Capture capture = RecordingCounts.events(recording, "opens", List.of());
                md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,d | %,d | %,d | %s |%n", processes, ring,
                        rate, generated, capture.events(), capture.lost(),
                        capture.events() + capture.lost() == generated ? "yes" : "**no**"));
                System.err.printf(Locale.ROOT, "lossless: %d storms, ring %s: %,.0f opens/s, %,d recorded, %,d dropped%n",
                        processes, ring, rate, capture.events(), capture.lost());
            }
        }
        System.out.print(md);
    }
}
