package dev.tracekit.analyzer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tracekit.analyzer.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as the value of a command-line option with a parser of its own (times, durations, signals,
 * errnos, open flags, syscall names, globs, regexes, numbers, groupings), through picocli and the filter
 * layer. The first byte picks the option, the rest (as UTF-8) is its value. The recording is the recorder's
 * small real one (testdata/fixtures/real-x86_64): few enough records that a run costs little more than the
 * parsing, yet rows for limits to cut and paths and names for patterns to match (with no rows at all, a
 * negative --limit went unnoticed).
 */
class FilterValuesFuzzTest {
    private static final ReusedCommandLine COMMAND_LINE = new ReusedCommandLine();
    private static final Path RECORDING = Fixtures.root().resolve("real-x86_64");
    private static final List<String> OPTIONS = List.of("--since", "--until", "--interval", "--signal", "--errno",
            "--flags", "--syscall", "--path", "--path-regex", "--comm-regex", "--comm", "--pid", "--tid", "--uid",
            "--host", "--by", "--sort", "--top", "--limit");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void filterValue(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String option = OPTIONS.get(Byte.toUnsignedInt(input[0]) % OPTIONS.size());
        String value = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        CleanOutcome.assertClean(COMMAND_LINE.run("syscalls", RECORDING.toString(), option + "=" + value,
                "--format", "json"));
    }
}
