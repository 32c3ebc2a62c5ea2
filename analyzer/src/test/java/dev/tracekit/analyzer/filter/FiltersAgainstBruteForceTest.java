package dev.tracekit.analyzer.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.FilterOptions;
import dev.tracekit.analyzer.filter.ReferenceRecords.Ref;
import dev.tracekit.analyzer.input.Catalog;
import dev.tracekit.analyzer.input.Diagnostics;
import dev.tracekit.analyzer.input.InputScanner;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.input.RecordingReader;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Each filter option, parsed as the command line parses it, against a brute-force predicate written
 * independently over records read with Avro's generic reader. Both sides are compared record by record
 * (family, host, time, process and the fields that identify the record).
 */
class FiltersAgainstBruteForceTest {
    private static List<Ref> reference;
    private static Catalog catalog;

    @BeforeAll
    static void read() {
        reference = ReferenceRecords.of(Fixtures.web(), Fixtures.db());
        catalog = InputScanner.scan(List.of(Fixtures.web(), Fixtures.db()), new Diagnostics());
    }

    private static boolean failedReturn(Ref r) {
        long ret = r.num("ret");
        return ret >= -4095 && ret <= -1;
    }

    private static boolean killError(Ref r, int errno) {
        return !r.symbol("syscall").equals("SIGNAL_GENERATE") && (errno == 0 ? r.num("result") < 0 : r.num("result") == -errno);
    }

    private static long syscallNumber(Ref r, long x86, long aarch64) {
        return r.arch().equals("aarch64") ? aarch64 : x86;
    }

    static Stream<Arguments> filters() {
        long wall3s = java.time.Instant.parse("2026-11-02T09:00:03Z").getEpochSecond() * 1_000_000_000L;
        List<Arguments> cases = new ArrayList<>();
        add(cases, "-p 2201", r -> r.pid() == 2201);
        add(cases, "-p 700,900", r -> r.pid() == 700 || r.pid() == 900);
        add(cases, "-t 2353", r -> !r.is("syscall-counts") && r.tid() == 2353);
        add(cases, "-u 1000", r -> !r.is("syscall-counts") && r.uid() == 1000);
        add(cases, "-n bash", r -> r.comm().equals("bash"));
        add(cases, "--comm-regex ^(nginx|cron)$", r -> r.comm().equals("nginx") || r.comm().equals("cron"));
        add(cases, "--path /etc/*", r -> r.is("opens") && r.path().startsWith("/etc/")
                && r.path().indexOf('/', 5) < 0);
        add(cases, "--path /srv/**", r -> r.is("opens") && r.path().startsWith("/srv/"));
        add(cases, "--path-regex nginx", r -> r.is("opens") && r.path().contains("nginx"));
        add(cases, "--flags O_WRONLY,O_CREAT", r -> r.is("opens") && (r.num("flags") & 3) == 1
                && (r.num("flags") & 0100) != 0);
        add(cases, "-f O_DIRECTORY", r -> r.is("opens")
                && (r.num("flags") & (r.arch().equals("aarch64") ? 040000 : 0200000)) != 0);
        add(cases, "--syscall openat", r -> switch (r.stream()) {
            case "syscall-events", "syscall-counts" -> r.num("syscall") == syscallNumber(r, 257, 56);
            case "opens" -> r.symbol("syscall").equals("OPENAT");
            default -> false;
        });
        add(cases, "--syscall kill", r -> switch (r.stream()) {
            case "syscall-events", "syscall-counts" -> r.num("syscall") == syscallNumber(r, 62, 129);
            case "kills" -> r.symbol("syscall").equals("KILL");
            default -> false;
        });
        add(cases, "-s SIGKILL", r -> r.is("kills") && r.num("signal") == 9);
        add(cases, "-s 0,SIGRTMIN+2", r -> r.is("kills") && (r.num("signal") == 0 || r.num("signal") == 36));
        add(cases, "-x", r -> switch (r.stream()) {
            case "syscall-events" -> failedReturn(r);
            case "syscall-counts" -> r.num("errors") > 0;
            case "opens" -> r.num("result") < 0;
            default -> killError(r, 0);
        });
        add(cases, "--errno ENOENT", r -> switch (r.stream()) {
            case "syscall-events" -> r.num("ret") == -2;
            case "opens" -> r.num("result") == -2;
            case "kills" -> killError(r, 2);
            default -> false;
        });
        add(cases, "--since +2s --until +5s", r -> r.ts() >= r.startNs() + 2_000_000_000L
                && r.ts() < r.startNs() + 5_000_000_000L);
        add(cases, "--since 2026-11-02T09:00:03Z", r -> r.bootWallNs() + r.ts() >= wall3s);
        add(cases, "--host db-1", r -> r.host().equals("db-1"));
        add(cases, "-p 2201 -x --syscall openat", r -> r.pid() == 2201 && switch (r.stream()) {
            case "syscall-events" -> failedReturn(r) && r.num("syscall") == 257;
            case "syscall-counts" -> r.num("errors") > 0 && r.num("syscall") == 257;
            case "opens" -> r.num("result") < 0 && r.symbol("syscall").equals("OPENAT");
            default -> false;
        });
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String args, Predicate<Ref> predicate) {
        cases.add(Arguments.of(args, predicate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filterMatchesBruteForce(String args, Predicate<Ref> predicate) {
        FilterOptions options = new FilterOptions();
        new CommandLine(options).parseArgs(args.split(" "));
        FilterSpec spec = options.toSpec();

        List<String> expected = new ArrayList<>();
        for (Ref r : reference) {
            if (predicate.test(r)) {
                expected.add(signature(r, spec.failedOnly()));
            }
        }
        List<String> actual = new ArrayList<>();
        new RecordingReader(catalog, new Diagnostics(), 1).readOrdered(
                EnumSet.complementOf(EnumSet.of(RecordingStream.INTERVALS)),
                FilteringVisitor.wrap(spec, new Signatures(actual)));
        assertFalse(expected.isEmpty(), "the case should select something");
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    }

    private static String signature(Ref r, boolean failedOnly) {
        return switch (r.stream()) {
            case "syscall-counts" -> "counts " + r.host() + " " + r.ts() + " " + r.pid() + " " + r.num("syscall") + " "
                    + (failedOnly ? r.num("errors") : r.num("count"));
            case "syscall-events" -> "event " + r.host() + " " + r.ts() + " " + r.tid() + " " + r.num("syscall");
            case "opens" -> "open " + r.host() + " " + r.ts() + " " + r.tid() + " " + r.path();
            default -> "kill " + r.host() + " " + r.ts() + " " + r.tid() + " " + r.num("signal");
        };
    }

    /** The same signatures, from what the analyzer's decoders and filters pass on. */
    private record Signatures(List<String> into) implements RecordVisitor {
        @Override
        public void syscallCount(Recording rec, SyscallCount c) {
            into.add("counts " + rec.host() + " " + c.getIntervalStartNs() + " " + c.getPid() + " " + c.getSyscall() + " "
                    + c.getCount());
        }

        @Override
        public void syscallEvent(Recording rec, SyscallEvent e) {
            into.add("event " + rec.host() + " " + e.getHeader().getTsNs() + " " + e.getHeader().getTid() + " "
                    + e.getSyscall());
        }

        @Override
        public void open(Recording rec, OpenEvent e) {
            into.add("open " + rec.host() + " " + e.getHeader().getTsNs() + " " + e.getHeader().getTid() + " "
                    + java.nio.charset.StandardCharsets.UTF_8.decode(e.getPath().duplicate()));
        }

        @Override
        public void kill(Recording rec, KillEvent e) {
            into.add("kill " + rec.host() + " " + e.getHeader().getTsNs() + " " + e.getHeader().getTid() + " "
                    + e.getSignal());
        }
    }
}
