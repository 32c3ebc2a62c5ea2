package dev.tracekit.recorder.kernel;

import dev.tracekit.recorder.RecordCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * {@code tracekit record} in a child JVM on this test's class path, for what a thread cannot live through:
 * signals to the process, SIGKILL.
 */
final class RecorderProcess implements RunningRecorder, AutoCloseable {
    private final Process process;
    private final StringBuffer err = new StringBuffer();
    private final Thread errReader;

    private RecorderProcess(Process process) {
        this.process = process;
        this.errReader = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getErrorStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    err.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                err.append("[reading stderr failed: ").append(e).append(']');
            }
        });
    }

    /** Starts recording into {@code dir} and returns once the programs are attached. */
    static RecorderProcess start(Path dir, String... args) throws IOException, InterruptedException {
        return start(List.of(), dir, args);
    }

    /**
     * Starts it as a container without the host's pid namespace would: pid 1 of a new pid namespace with its own
     * /proc (unshare(1)); {@link #pid} is unshare's, which takes the recorder down with it.
     */
    static RecorderProcess startInNewPidNamespace(Path dir, String... args) throws IOException, InterruptedException {
        return start(List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc"), dir, args);
    }

    private static RecorderProcess start(List<String> prefix, Path dir, String... args)
            throws IOException, InterruptedException {
        // Started as a background job of a non-interactive shell is: SIGINT inherited ignored. The recorder must
        // stop on SIGINT all the same, as perf, bpftrace and libbpf-tools do there.
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("env", "--ignore-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                RecordCommand.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--output", dir.toString()));
        RecorderProcess recorder = new RecorderProcess(new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        recorder.awaitErr("recording", 60);
        return recorder;
    }

    int pid() {
        return (int) process.pid();
    }

    /** Sends {@code signal} (INT, TERM, HUP, KILL) as kill(1) would. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -s " + signal + " " + process.pid() + " failed");
        }
    }

    /** Sends {@code signal} {@code times} times, {@code gapMs} apart, from one shell: an impatient user's Ctrl-Cs. */
    void signalRepeatedly(String signal, int times, int gapMs) throws IOException, InterruptedException {
        String pid = Long.toString(process.pid());
        String script = "for i in $(seq " + times + "); do kill -s " + signal + " " + pid + " 2>/dev/null || exit 0; "
                + "sleep " + gapMs / 1000.0 + "; done";
        new ProcessBuilder("sh", "-c", script).inheritIO().start().waitFor();
    }

    /** Waits for the recorder to end and returns its exit status (128 + n when signal n ended it). */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("recorder did not end within 60 s: " + err);
        }
        errReader.join(); // its last lines
        return process.exitValue();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public String err() {
        return err.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
