package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** db-1's counts were recorded without --latency: -L ranks its rows by calls, as syscount does, and says why. */
class LatencyWithoutDataTest {
    @Test
    void rowsWithoutLatencyAreRankedByCalls() {
        CliRun run = CliRun.withFixtures("syscalls", "@db", "-L", "-T", "3");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(1).matches("ppoll +41,837 .*"), run.out());
        assertTrue(lines.get(2).matches("clock_gettime +41,769 .*"), run.out());
        assertTrue(lines.get(3).matches("sendto +40,784 .*"), run.out());
        assertTrue(lines.contains("note: latency shows '-' where it was not recorded (record with --latency)"), run.out());
    }
}
