import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ready and stop times of tracers of opens, side by side in one run, rounds interleaved so a noisy neighbour
 * hits every tracer alike. Ready: from spawning the tracer to the line that says it is attached (libbpf-tools
 * opensnoop prints its header once attached; tracekit its "recording" line after attaching). Stop: from the
 * SIGINT being sent (kill(1) returned) to the process's exit, tracekit's last interval written and files closed.
 *
 * <p>Usage: {@code java bench/StartStop.java ROUNDS LAUNCHER...}, each LAUNCHER a tracekit launcher
 * (bin/tracekit, or the release's bin/tracekit); opensnoop is the peer. Run as root, under the kernel lock.
 */
final class StartStop {
    private record Tracer(String name, List<String> command, String readyMark) {
    }

    private record Times(double readySeconds, double stopSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path tmp = Files.createTempDirectory("tk-startstop");
        List<Tracer> tracers = new ArrayList<>();
        // its header is a printf to a pipe: line-buffered, or it shows only at exit
        tracers.add(new Tracer("opensnoop", List.of("stdbuf", "-oL", "opensnoop"), "PID"));
        for (int i = 1; i < args.length; i++) {
            tracers.add(new Tracer("tracekit record --events opens (" + args[i] + ")",
                    List.of(args[i], "record", "--events", "opens", "--output", tmp.resolve("rec-" + i).toString()),
                    "tracekit record: recording"));
        }
        Map<Tracer, List<Times>> times = new LinkedHashMap<>();
        tracers.forEach(t -> times.put(t, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Tracer tracer : tracers) {
                times.get(tracer).add(measure(tracer));
                if (tracer.name().startsWith("tracekit")) {
                    deleteTree(Path.of(tracer.command().getLast()));
                }
            }
        }
        double peerReady = Medians.of(times.get(tracers.getFirst()).stream().map(Times::readySeconds).toList());
        double peerStop = Medians.of(times.get(tracers.getFirst()).stream().map(Times::stopSeconds).toList());
        System.out.printf("%d rounds, medians%n| tracer | ready (s) | × opensnoop | stop (s) | × opensnoop |%n"
                + "|---|---:|---:|---:|---:|%n", rounds);
        for (Tracer tracer : tracers) {
            double ready = Medians.of(times.get(tracer).stream().map(Times::readySeconds).toList());
            double stop = Medians.of(times.get(tracer).stream().map(Times::stopSeconds).toList());
            System.out.printf("| %s | %.3f | %.2f | %.3f | %.2f |%n", tracer.name(), ready, ready / peerReady, stop,
                    stop / peerStop);
        }
    }

    private static Times measure(Tracer tracer) throws Exception {
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(tracer.command()).redirectErrorStream(true).start();
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (!ready.isDone() && line.contains(tracer.readyMark())) {
                        ready.complete(System.nanoTime());
                    }
                }
                ready.completeExceptionally(new IllegalStateException(tracer.name() + " ended before it was ready"));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        long readyAt = ready.get(60, TimeUnit.SECONDS);
        Thread.sleep(300); // as a user would: recording for a moment, not stopped while still attaching
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -INT failed");
        }
        long signalled = System.nanoTime();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tracer.name() + " did not stop within 60 s");
        }
        long exited = System.nanoTime();
        reader.join();
        return new Times((readyAt - spawned) / 1e9, (exited - signalled) / 1e9);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
