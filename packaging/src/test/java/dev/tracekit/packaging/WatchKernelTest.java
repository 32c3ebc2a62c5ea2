package dev.tracekit.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tracekit.analyzer.cli.CommandLineFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracekit watch} with the real recorder (root, BPF; run under the kernel lock like every kernel test): opens
 * appear while recording; Ctrl-C (SIGINT to the terminal's process group, which holds the watch script and the
 * follower but not the recorder) and SIGTERM (to the script alone) stop both, the follower prints the recorder's
 * end, and the recording holds the rows that were shown.
 */
@Timeout(120)
class WatchKernelTest {
    private static final Path WATCH = Path.of("src/dist/lib/tracekit-watch").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndBpf() {
        String missing = !System.getProperty("os.name").equals("Linux") ? "not Linux"
                : !"root".equals(System.getProperty("user.name")) ? "not root"
                : !Files.isReadable(Path.of("/sys/kernel/btf/vmlinux")) ? "kernel has no BTF" : null;
        if (missing == null) {
            return;
        }
        if ("1".equals(System.getenv("TRACEKIT_REQUIRE_BPF"))) {
            fail("kernel test cannot run: " + missing + " (and TRACEKIT_REQUIRE_BPF=1 forbids skipping)");
        }
        Assumptions.abort("kernel test skipped: " + missing);
    }

    @Test
    void ctrlCStopsRecorderAndFollower() throws Exception {
        assertStopsOn(true);
    }

    @Test
    void sigtermStopsRecorderAndFollower() throws Exception {
        assertStopsOn(false);
    }

    private void assertStopsOn(boolean ctrlC) throws Exception {
        Path recording = dir.resolve("rec");
        Path marker = Files.writeString(dir.resolve("watched-" + (ctrlC ? "int" : "term")), "x");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        // setsid: the script leads a process group of its own, as a shell's foreground job does in a terminal
        Process watch = new ProcessBuilder("setsid", WATCH.toString(), launcher().toString(), "opens", "-o",
                recording.toString(), "--", "--path", marker.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        awaitIn(out, "PATH", watch, err);
        Process reader = new ProcessBuilder("cat", marker.toString()).start();
        assertEquals(0, reader.waitFor());
        awaitIn(out, marker.toString(), watch, err);
        String signal = ctrlC ? "-INT" : "-TERM";
        String target = ctrlC ? "-" + watch.pid() : Long.toString(watch.pid());
        assertEquals(0, new ProcessBuilder("kill", signal, "--", target).inheritIO().start().waitFor());
        assertTrue(watch.waitFor(60, TimeUnit.SECONDS), "watch ends");
        String errText = Files.readString(err);
        assertEquals(0, watch.exitValue(), errText);
        List<String> lines = errText.lines().toList();
        assertEquals("tracekit watch: recording into " + recording, lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tracekit: the recorder closed the recording at ")
                && l.endsWith(" lost")), errText);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tracekit record: ") && l.contains(" opens, ")), errText);
        assertEquals("tracekit watch: the recording is in " + recording + "; analyse it later with: tracekit summary "
                + recording, lines.getLast());
        StringWriter replay = new StringWriter();
        int status = CommandLineFactory.execute(new PrintWriter(replay), new PrintWriter(new StringWriter()),
                "opens", recording.toString(), "--path", marker.toString());
        assertEquals(0, status);
        assertEquals(replay.toString(), Files.readString(out), "what was shown live is what the recording holds");
    }

    /** bin/tracekit's dispatch, on this test's class path: record to the recorder, the rest to the analyzer. */
    private Path launcher() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path launcher = dir.resolve("tracekit");
        Files.writeString(launcher, "#!/bin/sh\n"
                + "if [ \"$1\" = record ]; then shift; exec '" + java + "' --enable-native-access=ALL-UNNAMED -cp '" + cp
                + "' dev.tracekit.recorder.RecordCommand \"$@\"; fi\n"
                + "exec '" + java + "' -cp '" + cp + "' dev.tracekit.analyzer.cli.Main \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    private static void awaitIn(Path file, String text, Process watch, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(file).contains(text)) {
            if (!watch.isAlive() || System.nanoTime() > deadline) {
                fail("'" + text + "' never shown; stderr: " + Files.readString(err));
            }
            Thread.sleep(50);
        }
    }
}
