package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --with} asked of a recording that cannot name its processes (schema 1.0: no snapshots, no procs) says so
 * on stderr, once per recording however many rows it has; where the recording names them, or without --with,
 * nothing is said.
 */
class NoProcessContextNoteTest {
    private static String note(String host) {
        return "tracekit: warning: " + host + ": the --with columns are empty: its recording (schema 1.0) has no "
                + "process snapshots (recorded since schema 1.1) and no procs records (record --events procs) to tell "
                + "who its processes were";
    }

    @ParameterizedTest
    @ValueSource(strings = {"opens @web --with cmd,service", "kills @web --with ppid", "events @web --with cmd",
            "opens @web --top processes --with service", "kills @web --top --with cmd"})
    void aRecordingWithoutProcessContextIsNotedOnce(String args) {
        CliRun run = CliRun.withFixtures(args.split(" "));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().lines().count() > 2, run.out()); // many rows, one note
        assertEquals(List.of(note("web-1")), run.errLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"opens @web @db --with cmd", "opens @web @db --top processes --with cmd"})
    void eachRecordingWithoutIsNamed(String args) {
        CliRun run = CliRun.withFixtures(args.split(" "));
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(note("db-1"), note("web-1")), run.errLines()); // in the catalog's order
    }

    @ParameterizedTest
    @ValueSource(strings = {"opens @app --with cmd,service", "kills @app --top --with cmd",
            "opens @app --top processes --with ppid", "opens @web", "opens @web --top processes", "kills @web --top"})
    void noNoteWhereProcessesAreNamedOrNoColumnIsAsked(String args) {
        CliRun run = CliRun.withFixtures(args.split(" "));
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
    }
}
