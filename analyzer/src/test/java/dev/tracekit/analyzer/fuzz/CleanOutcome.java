package dev.tracekit.analyzer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.cli.CliRun;

/**
 * What the analyzer promises for any input (README, exit codes): a result (0), a partial result with warnings
 * (1) or one line saying what is wrong (2); never an internal error (70), a stack trace or a raw control
 * character on the terminal.
 */
public final class CleanOutcome {
    private CleanOutcome() {
    }

    public static void assertClean(CliRun run) {
        assertTrue(run.status() == 0 || run.status() == 1 || run.status() == 2,
                "exit " + run.status() + ": " + run.err());
        // Every line is the analyzer's own (a stack trace has none of these prefixes) and none reports a bug. Not a
        // search for "Exception" in the text: the messages quote the input, which may hold any word.
        run.errLines().forEach(line -> assertTrue(line.startsWith("tracekit: "), line));
        run.errLines().forEach(line -> assertFalse(line.startsWith("tracekit: internal error"), line));
        run.err().chars().forEach(c -> assertTrue(c >= 0x20 && c != 0x7f || c == '\n',
                "stderr holds character 0x" + Integer.toHexString(c) + ": " + run.err()));
        if (run.status() == 1) {
            assertTrue(run.err().contains("tracekit: warning: "), "a partial result says why: " + run.err());
        }
        if (run.status() == 2) {
            assertEquals(1, run.errLines().size(), "bad input is one line: " + run.err());
        }
    }
}
