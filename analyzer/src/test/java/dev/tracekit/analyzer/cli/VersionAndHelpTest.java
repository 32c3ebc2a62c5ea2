package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.TracekitVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

    /** A verb's run builds that verb alone (the others' models cost start-up); its help and bcc switches stay whole. */
    @Test
    void aVerbsCommandLineHoldsThatVerbAloneAndBehavesAsTheWholeOne() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertEquals(List.of("kills"), List.copyOf(CommandLineFactory.create(sink, sink, "kills", "-n").getSubcommands().keySet()));
        assertEquals(TracekitCommand.VERBS.size(), CommandLineFactory.create(sink, sink, "--help").getSubcommands().size());
        assertEquals(TracekitCommand.VERBS.size(), CommandLineFactory.create(sink, sink).getSubcommands().size());
        CliRun whole = CliRun.withFixtures("kills", "--help");
        assertTrue(whole.out().contains("sigsnoop -n (signal names)"), whole.out());
        CliRun opens = CliRun.withFixtures("opens", "-e", "-T", "@web", "--limit", "1");
        assertEquals(0, opens.status(), opens.err());
        CliRun unknownOption = CliRun.of("summary", "--frobnicate");
        assertEquals(2, unknownOption.status());
        assertTrue(unknownOption.err().contains("(see: tracekit summary --help)"), unknownOption.err());
    }
}
