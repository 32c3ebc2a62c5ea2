package dev.tracekit.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signals that stop a recording, in a child JVM started the way shells start jobs: a background job of a
 * non-interactive shell inherits SIGINT ignored, {@code nohup} leaves SIGHUP ignored. Each stop must also wake
 * the recording loop's wait at once rather than when it times out. No BPF needed.
 */
class StopSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void eachStopSignalAsksTheLoopToStop(String signal) throws Exception {
        assertEquals("stop requested", runAndSignal(List.of(), signal, null));
    }

    @Test
    void sigintStopsABackgroundJobThatInheritedItIgnored() throws Exception {
        assertEquals("stop requested", runAndSignal(List.of("--ignore-signal=INT"), "INT", null));
    }

    @Test
    void sighupStaysIgnoredUnderNohupAndSigtermStillStops() throws Exception {
        assertEquals("stop requested", runAndSignal(List.of("--ignore-signal=HUP"), "HUP", "TERM"));
    }

    /**
     * Starts the probe under {@code env} with the given signal settings, sends {@code first} once it is ready and
     * then, after a pause in which the first must have been ignored, {@code then}; returns the probe's last line.
     */
    private static String runAndSignal(List<String> envOptions, String first, String then) throws Exception {
        List<String> command = new ArrayList<>(List.of("env"));
        command.addAll(envOptions);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                StopSignalsProbe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            kill(first, probe.pid());
            if (then != null) {
                assertTrue(!probe.waitFor(500, TimeUnit.MILLISECONDS), "SIG" + first + " ended the probe");
                kill(then, probe.pid());
            }
            String last = out.readLine();
            assertTrue(probe.waitFor(30, TimeUnit.SECONDS), "the probe did not end");
            assertEquals(0, probe.exitValue(), "probe said: " + last);
            return last;
        } finally {
            probe.destroyForcibly();
        }
    }

    private static void kill(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start().waitFor());
    }
}
