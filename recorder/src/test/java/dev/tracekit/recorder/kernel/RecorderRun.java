package dev.tracekit.recorder.kernel;

import dev.tracekit.recorder.RecordCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code tracekit record} running in this JVM on its own thread, as the command line runs it. The test
 * JVM is the recorder's own process, which it never traces, so workloads are child processes. Public for the
 * packaging module's kernel tests.
 */
public final class RecorderRun implements RunningRecorder {
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private RecorderRun(List<String> args) {
        PrintWriter errWriter = new PrintWriter(err, true);
        PrintWriter out = new PrintWriter(new StringWriter(), true);
        // A thread of its own: the common pool has a single worker on a 2-CPU host, where a second recorder
        // would wait for the first to end.
        exit = CompletableFuture.supplyAsync(
                () -> RecordCommand.newCommandLine(out, errWriter).execute(args.toArray(String[]::new)),
                task -> Thread.ofPlatform().name("tracekit-record").start(task));
    }

    /** Starts recording into {@code dir} and returns once the programs are attached. */
    public static RecorderRun start(Path dir, String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--output");
        all.add(dir.toString());
        RecorderRun run = new RecorderRun(all);
        run.awaitErr("recording", 30);
        return run;
    }

    @Override
    public OptionalInt exitCode() {
        return exit.isDone() ? OptionalInt.of(exit.join()) : OptionalInt.empty();
    }

    /** Waits for the recorder to end (its --duration) and returns its exit code. */
    public int awaitExit() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Override
    public String err() {
        return err.toString();
    }
}
