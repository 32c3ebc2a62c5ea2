package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --host that keeps a recording other than the first ones (db-1 sorts before web-1): the syscall figures are chosen
 * for the recordings shown, by their place among all of them.
 */
class HostFilterTest {
    @ParameterizedTest
    @ValueSource(strings = {"summary", "syscalls", "syscalls -x --by process,syscall --format csv"})
    void aLaterHostAloneIsShown(String verb) {
        String[] args = (verb + " --host web-1 @db @web").split(" ");
        CliRun run = CliRun.withFixtures(args);
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("db-1"), run.out());
        assertTrue(run.out().lines().count() > 3, "web-1's rows: " + run.out());
    }
}
