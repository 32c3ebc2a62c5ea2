package dev.tracekit.fleet;

import static dev.tracekit.fleet.ToolRun.analyzer;
import static dev.tracekit.fleet.ToolRun.argv;
import static dev.tracekit.fleet.ToolRun.fleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analyzer's filters in the fleet: every filter changes a verb's output, and the fleet prints what the analyzer
 * prints with it, on the mixed-host tree (web-1 with counts and events, db-1 on aarch64, idle-1, ci-1's procs).
 */
class FleetFiltersTest {
    @TempDir
    static Path temp;

    static Path mixed;
    static Path context;

    @BeforeAll
    static void trees() {
        mixed = FleetTrees.mixed(temp.resolve("mixed"));
        context = FleetTrees.withProcessContext(temp.resolve("context"), true);
    }

    /** A verb, and a filter that changes what it prints; cheap verbs where one shows the filter. */
    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("syscalls --by process,syscall", "--pid 1500,2201"),
                Arguments.of("syscalls", "--tid 2351"), // web-1 from its events: counts carry no thread
                Arguments.of("opens --top processes", "--uid 105"),
                Arguments.of("kills --top", "--comm bash"),
                Arguments.of("opens --top processes", "--comm-regex ^p"),
                Arguments.of("summary", "--host db-1,ci-1"),
                Arguments.of("syscalls --by process,syscall --format csv", "--host web-1 -x"), // not the first host
                Arguments.of("summary", "--since +2s --until 2026-11-02T09:00:08Z"),
                Arguments.of("syscalls --interval 2s --top 2", "--since 2026-11-01T22:30:01.5Z --until +4s"),
                Arguments.of("syscalls --by process,syscall", "--syscall openat,ia32:open,kill"),
                Arguments.of("opens --top processes", "--syscall open"),
                Arguments.of("kills --top", "--syscall tkill,tgkill"),
                Arguments.of("syscalls -L --by process,syscall", "-x"), // counts stand for their errors
                Arguments.of("summary", "--failed"),
                Arguments.of("syscalls", "--errno EAGAIN,EINTR"),
                Arguments.of("opens --top files -e", "--errno ENOENT"), // opensnoop's -e is no errno there
                Arguments.of("opens --top files", "--path /etc/**"),
                Arguments.of("summary --format json", "--path-regex nginx"),
                Arguments.of("opens --top processes --format csv", "--flags O_WRONLY,O_CREAT"),
                Arguments.of("kills --top", "--signal SIGKILL,1"),
                Arguments.of("summary", "--signal SIGKILL"),
                Arguments.of("kills --top", "--tpid 1203,2350"), // sent and kernel-generated (web-1's SIGPIPE) alike
                Arguments.of("kills --top --format csv", "-k"), // neither rt_sigqueueinfo nor kernel-generated
                Arguments.of("opens --top processes", "-d 2s")); // each recording's first two seconds
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("filters")
    void theFleetFiltersAsTheAnalyzerDoes(String verb, String filter) {
        assertSameFilteredOutput(verb, filter, mixed);
    }

    /**
     * Who the process was, from app-1's snapshots and procs (its syscall counts at their interval's start, in their
     * process's cgroup), beside web-1's syscall events, whose processes and cgroups no snapshot names.
     */
    static Stream<Arguments> processContextFilters() {
        return Stream.of(
                Arguments.of("summary", "--ppid 1,2000"),
                Arguments.of("summary --format csv", "--exe /usr/sbin/nginx,/usr/bin/bash"),
                Arguments.of("summary", "--unit nginx,session-4.scope"),
                Arguments.of("opens --top processes", "--cgroup /user.slice/**"),
                Arguments.of("opens --top processes", "--cgroup 10,14"), // ids alone: no timeline asked
                Arguments.of("syscalls --interval 1s --by process,syscall --top 3", "--ppid 1"),
                Arguments.of("kills --top", "--target-comm nginx,bash"), // who the target was at the signal
                Arguments.of("kills --top --format json", "--target-comm nginx --tpid 5000,1203"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("processContextFilters")
    void theProcessContextFiltersAsTheAnalyzerDoes(String verb, String filter) {
        assertSameFilteredOutput(verb, filter, context);
    }

    private static void assertSameFilteredOutput(String verb, String filter, Path tree) {
        String[] argv = argv(verb + " " + filter, tree);
        ToolRun analyzer = analyzer(argv);
        assertEquals(0, analyzer.status(), analyzer.err());
        assertNotEquals(analyzer(argv(verb, tree)).out(), analyzer.out(), "the filter changes the output");
        ToolRun fleet = fleet(argv);
        assertEquals(analyzer.out(), fleet.out());
        assertEquals(0, fleet.status(), fleet.err());
    }

    /** Why a listing is empty: a family a recording lacks, a field a family does not carry, a host not there. */
    static Stream<Arguments> emptyListings() {
        return Stream.of("syscalls -e ENOENT --pid 4", "syscalls --tid 4", "opens --top files --host nope",
                "kills --top --path /etc/hosts", "opens --top processes --signal SIGTERM",
                "summary --host nope").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyListings")
    void emptyListingsCarryTheAnalyzersNotes(String args) {
        String[] argv = argv(args, mixed);
        ToolRun analyzer = analyzer(argv);
        assertTrue(analyzer.out().contains("note: "), analyzer.out());
        assertEquals(analyzer.out(), fleet(argv).out());
    }

    /** The hint that a recording has no syscall stream at all (ci-1 recorded procs alone). */
    @Test
    void aRecordingWithoutTheFamilyIsNamed() {
        String[] argv = argv("syscalls --host ci-1", mixed);
        ToolRun fleet = fleet(argv);
        assertTrue(fleet.out().contains("note: ci-1 has no syscall-counts records (record with --events syscalls)"),
                fleet.out());
        assertEquals(analyzer(argv).out(), fleet.out());
    }

    /**
     * Bad filter values, the verbs' own filters' too, are the analyzer's bad input: one line, exit 2, before Spark
     * reads anything.
     */
    @Test
    void aBadFilterValueIsRefusedAsTheAnalyzerRefusesIt() {
        for (String args : new String[] {"summary --syscall nosuchcall", "summary --since yesterday",
            "summary --errno EWHAT", "kills --top --tpid x", "opens --top files -d soon"}) {
            String[] argv = argv(args, mixed);
            ToolRun analyzer = analyzer(argv);
            ToolRun fleet = fleet(argv);
            assertEquals(2, analyzer.status(), analyzer.err());
            assertEquals(2, fleet.status(), fleet.err());
            assertEquals(1, fleet.err().lines().count(), fleet.err());
            // a value picocli refuses points at the verb's help, which is the fleet's own
            assertEquals(analyzer.err().replace("(see: tracekit ", "(see: tracekit fleet "), fleet.err());
        }
    }
}
