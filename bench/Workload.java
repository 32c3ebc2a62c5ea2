import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The C workload (bench/workload.c): a syscall storm of an exact size, timed from inside. */
final class Workload {
    /** One run's own figures: wall-clock and CPU (user + system) time per operation, and its process id. */
    record Result(double nsPerOp, double cpuNsPerOp, long pid) {
    }

    private final Path binary;

    Workload(Path binary) {
        this.binary = binary;
    }

    /** Runs {@code processes} copies at once, each {@code ops} operations, and returns their results. */
    List<Result> run(String mode, long ops, int processes) throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            running.add(new ProcessBuilder(binary.toString(), mode, Long.toString(ops))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<Result> results = new ArrayList<>();
        for (Process process : running) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("workload " + mode + " failed: " + output);
            }
            results.add(parse(output, mode, process.pid()));
        }
        return results;
    }

    Result run(String mode, long ops) throws IOException, InterruptedException {
        return run(mode, ops, 1).get(0);
    }

    /** The process name (comm) runs have: the binary's name, cut to the kernel's 15 characters. */
    String comm() {
        String name = binary.getFileName().toString();
        return name.substring(0, Math.min(15, name.length()));
    }

    /** The command line of one run, for tracers that start the workload themselves. */
    List<String> command(String mode, long ops) {
        return List.of(binary.toString(), mode, Long.toString(ops));
    }

    /** Parses the result line ("mode N ns/op cpu-ns/op") out of what a workload printed. */
    static Result parse(String output, String mode, long pid) {
        String line = output.lines().filter(l -> l.startsWith(mode + " ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("workload printed no result: " + output));
        String[] fields = line.split(" ");
        return new Result(Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), pid);
    }
}
