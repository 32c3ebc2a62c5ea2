package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process running src/test/c/workload.c (compiled with gcc once per JVM, under the name asked
 * for, which becomes its comm). It starts, waits for {@link #go}, runs its commands and prints results.
 * Public for the packaging module's kernel tests, which analyse what it did.
 */
public final class Workload implements AutoCloseable {
    private static Path binaryDir;

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;

    private Workload(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
    }

    /** Starts {@code name} with the given commands (see workload.c). */
    public static Workload start(String name, String... commands) throws IOException, InterruptedException {
        return launch(List.of(), name, commands);
    }

    /** Starts it as another user: setpriv drops to {@code uid} and execs it, keeping the pid. */
    static Workload startAs(int uid, String name, String... commands) throws IOException, InterruptedException {
        return launch(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"), name, commands);
    }

    private static Workload launch(List<String> prefix, String name, String... commands)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(binary(name).toString());
        command.addAll(List.of(commands));
        return new Workload(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Where the workload named {@code name} runs from (its argv[0]), compiled on first use. */
    public static synchronized Path binary(String name) throws IOException, InterruptedException {
        if (binaryDir == null) {
            binaryDir = Files.createTempDirectory("tracekit-workload",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))); // for startAs
            Path source = binaryDir.resolve("workload.c");
            try (InputStream c = Workload.class.getResourceAsStream("workload.c")) { // src/test/c
                Files.copy(c, source);
            }
            Process gcc = new ProcessBuilder("gcc", "-O2", "-o", binaryDir.resolve("workload").toString(),
                    source.toString()).inheritIO().start();
            assertEquals(0, gcc.waitFor(), "gcc failed to compile workload.c");
        }
        Path binary = binaryDir.resolve(name);
        if (!Files.exists(binary)) {
            Files.copy(binaryDir.resolve("workload"), binary);
            binary.toFile().setExecutable(true);
        }
        return binary;
    }

    public int pid() {
        return (int) process.pid();
    }

    /** Lets the workload pass its next {@code wait}. */
    public void go() throws IOException {
        in.write('\n');
        in.flush();
    }

    /** The next line it printed. */
    public String nextLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("workload " + pid() + " ended early");
        }
        return line;
    }

    /** The value of the next printed line, which must start with {@code command}. */
    public long result(String command) throws IOException {
        String line = nextLine();
        String[] parts = line.split(" ");
        assertEquals(command, parts[0], "workload printed " + line);
        return Long.parseLong(parts[1]);
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("workload " + pid() + " did not end");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
