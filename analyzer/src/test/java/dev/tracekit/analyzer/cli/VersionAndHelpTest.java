package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.TracekitVersion;
import org.junit.jupiter.api.Test;

class VersionAndHelpTest {
    @Test
    void theVersionIsTheOneTheRecorderPrintsAndRecordingsCarry() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status());
        assertEquals("tracekit " + TracekitVersion.get() + "\n", run.out());
    }

    @Test
    void helpListsEveryVerbBinTracekitRuns() {
        String help = CliRun.of("--help").out();
        for (String verb : new String[] {"record", "fleet", "summary", "syscalls", "opens", "kills", "events", "diff",
                "export", "report"}) {
            assertTrue(help.lines().anyMatch(line -> line.strip().startsWith(verb + " ")), verb + " in:\n" + help);
        }
        CliRun unknown = CliRun.of("frobnicate");
        assertTrue(unknown.err().contains("'record' (Linux) and 'fleet' run through bin/tracekit"), unknown.err());
    }
}
