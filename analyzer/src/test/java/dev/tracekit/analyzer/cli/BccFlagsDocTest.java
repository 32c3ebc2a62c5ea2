package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.schema.OpenEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * docs/bcc-flags.md against the command line: every flag in the tracekit column of a tool's table exists on
 * that verb and parses, a switch never swallows the recording after it, and the flags mean what the installed
 * libbpf-tools 0.26 mean by them.
 */
class BccFlagsDocTest {
    private static final Path DOC = Path.of("../docs/bcc-flags.md");
    private static final Pattern SECTION = Pattern.compile("^## .* → `tracekit (\\w+)`$");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--?[a-zA-Z][\\w-]*)");
    private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("PID", "1"), Map.entry("TID", "1"),
            Map.entry("UID", "0"), Map.entry("NAME", "bash"), Map.entry("ERRNO", "ENOENT"), Map.entry("N", "5"),
            Map.entry("KEY", "process"), Map.entry("DURATION", "5"), Map.entry("CGROUP", "1"), Map.entry("SIG", "SIGTERM"),
            Map.entry("FLAG", "O_RDONLY"), Map.entry("files|processes", "files"), Map.entry("TIME", "+1s"));

    @Test
    void everyDocumentedFlagParsesAndLeavesTheRecordingAlone() throws IOException {
        int checked = 0;
        String verb = null;
        for (String line : Files.readAllLines(DOC)) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                verb = section.group(1);
            } else if (line.startsWith("## ")) {
                verb = null;
            } else if (verb != null && line.startsWith("| `")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                Matcher flags = FLAG.matcher(cells[2]);
                while (flags.find()) {
                    assertParses(verb, flags.group(1));
                    checked++;
                }
            }
        }
        assertTrue(checked >= 30, checked + " flags checked");
    }

    private static void assertParses(String verb, String flag) {
        CommandLine tracekit = CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        OptionSpec option = tracekit.getSubcommands().get(verb).getCommandSpec().findOption(flag);
        assertNotNull(option, "tracekit " + verb + " has no " + flag);
        List<String> args = new ArrayList<>(List.of(verb, flag));
        if (option.arity().max() > 0) {
            String sample = SAMPLES.get(option.paramLabel());
            assertNotNull(sample, "no sample value for " + option.paramLabel());
            args.add(sample);
        }
        args.add("REC");
        ParseResult parsed = tracekit.parseArgs(args.toArray(String[]::new));
        assertEquals(List.of("REC"), parsed.subcommand().matchedPositionals().getFirst().stringValues(),
                "tracekit " + String.join(" ", args));
    }

    @Test
    void theSwitchesOfOpensnoopAndSigsnoopTakeNoValue() {
        assertEquals(CliRun.withFixtures("opens", "@db").out(), CliRun.withFixtures("opens", "-e", "-T", "-U", "@db").out());
        CliRun kills = CliRun.withFixtures("kills", "-n", "@db");
        assertEquals(0, kills.status(), kills.err());
        assertEquals(CliRun.withFixtures("kills", "@db").out(), kills.out());
    }

    @Test
    void sigsnoopMinusKIsTheThreeKillSyscalls() {
        CliRun k = CliRun.withFixtures("kills", "-k", "@web", "--format", "csv");
        assertEquals(0, k.status(), k.err());
        assertEquals(CliRun.withFixtures("kills", "--syscall", "kill,tkill,tgkill", "@web", "--format", "csv").out(), k.out());
        assertFalse(k.out().contains(",rt_sigqueueinfo,") || k.out().contains(",signal_generate,"), k.out());
        assertTrue(k.out().lines().count() > 1000, "the web fixture's kills by kill(2) are there");
    }

    @Test
    void syscountMinusITakesSeconds() {
        CliRun i = CliRun.withFixtures("syscalls", "-i", "5", "@web", "--format", "csv");
        assertEquals(0, i.status(), i.err());
        assertEquals(CliRun.withFixtures("syscalls", "--interval", "5s", "@web", "--format", "csv").out(), i.out());
    }

    @Test
    void opensnoopMinusDIsTheRecordingsFirstSeconds() {
        assertEquals(CliRun.withFixtures("opens", "--until", "+2s", "@web").out(),
                CliRun.withFixtures("opens", "-d", "2", "@web").out());
    }

    @Test
    void theCgroupFilterKeepsTheEventsOfThatCgroup() throws IOException {
        List<OpenEvent> opens = new ArrayList<>();
        for (String file : List.of("opens-000001.avro", "opens-000002.avro")) {
            try (DataFileReader<OpenEvent> reader = new DataFileReader<>(Fixtures.web().resolve(file).toFile(),
                    new SpecificDatumReader<>(OpenEvent.class))) {
                reader.forEach(opens::add);
            }
        }
        long cgroup = opens.getFirst().getHeader().getCgroupId();
        long expected = opens.stream().filter(o -> o.getHeader().getCgroupId() == cgroup).count();
        assertTrue(expected < opens.size(), "the fixture has opens of several cgroups");
        CliRun run = CliRun.withFixtures("opens", "-c", Long.toString(cgroup), "@web", "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals(expected, run.out().lines().count());
        CliRun bad = CliRun.withFixtures("opens", "--cgroup", "nginx.service", "@web");
        assertEquals(2, bad.status());
        assertEquals("tracekit: --cgroup 'nginx.service' is neither a cgroup id nor a cgroup path starting with / "
                + "(e.g. /system.slice/nginx.service)\n", bad.err());
    }
}
