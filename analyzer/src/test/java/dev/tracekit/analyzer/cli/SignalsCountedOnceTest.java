package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The real recording was made with kernel-signals: the workload sent kill 0, kill SIGUSR1, tgkill SIGUSR1 and
 * tgkill SIGTERM to a sleeper ignoring SIGUSR1, and each sent signal also has the kernel's signal_generate
 * record. Each counts once, with its fate beside it.
 */
class SignalsCountedOnceTest {
    private static List<String> lines(String out) {
        return Arrays.stream(out.split("\n")).map(String::strip).toList();
    }

    @Test
    void killsTopCountsASentSignalOnceWithItsFate() {
        CliRun run = CliRun.withFixtures("kills", "@real", "--top", "--format", "csv");
        assertEquals(0, run.status(), run.err());
        List<String> rows = lines(run.out());
        assertTrue(rows.contains("20724,tk-real,20719,10,SIGUSR1,1,ignored,2,0"), run.out());
        assertTrue(rows.contains("20724,tk-real,20719,15,SIGTERM,0,delivered,1,0"), run.out());
        assertTrue(rows.contains("20724,tk-real,20719,0,0,,,1,0"), run.out());
        assertEquals(1 + 5, rows.size(), run.out()); // header, 4 sends, 2 SIGCHLDs the kernel raised, one merged row
    }

    @Test
    void theListingShowsEachSentSignalOnceAndTheKernelsOwnSignalsApart() {
        CliRun run = CliRun.withFixtures("kills", "@real");
        assertEquals(0, run.status(), run.err());
        List<String> rows = lines(run.out()).subList(1, lines(run.out()).size());
        assertEquals(6, rows.size(), run.out());
        assertTrue(rows.get(1).matches(".*SIGUSR1 +20719 +0 +- +0 +ignored +kill +-"), rows.get(1));
        assertTrue(rows.get(2).matches(".*SIGUSR1 +20719 +20719 +- +0 +ignored +tgkill +-"), rows.get(2));
        assertTrue(rows.get(3).matches(".*SIGTERM +20719 +20719 +- +0 +delivered +tgkill +-"), rows.get(3));
        assertTrue(rows.get(4).matches(".*SIGCHLD +18267 +18267 +- +- +delivered +signal_generate +-"), rows.get(4));
    }

    @Test
    void theSummaryAgrees() {
        CliRun run = CliRun.withFixtures("summary", "@real", "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"target_pid\":20719,\"signal\":10,\"signal_name\":\"SIGUSR1\",\"fate\":1,"
                + "\"fate_name\":\"ignored\",\"count\":2,\"failed\":0"), run.out());
    }

    @Test
    void failedKeepsNoKernelRecordAsRecordDashXKeepsNone() {
        CliRun run = CliRun.withFixtures("kills", "@real", "-x");
        assertEquals(0, run.status(), run.err());
        assertEquals("(none)", lines(run.out()).get(1), run.out()); // every send succeeded; a fate is no failure
    }
}
