package dev.tracekit.fleet;

import static dev.tracekit.fleet.ToolRun.analyzer;
import static dev.tracekit.fleet.ToolRun.argv;
import static dev.tracekit.fleet.ToolRun.fleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Every fleet verb prints exactly what the single-machine analyzer prints for the same recordings: same
 * rows, order, names, numbers, notes, in every format. Both read the same tree of several hosts.
 */
class FleetMatchesAnalyzerTest {
    @TempDir
    static Path temp;

    static Path mixed;
    static Path eventsOnly;

    @BeforeAll
    static void trees() {
        mixed = FleetTrees.mixed(temp.resolve("mixed"));
        eventsOnly = FleetTrees.eventsOnly(temp.resolve("events-only"));
    }

    /**
     * Every verb and format at least once, with options that reach every column and note the analyzer has
     * for them. Few cases: each costs Spark a dozen small jobs.
     */
    static Stream<Arguments> onMixedHosts() {
        return Stream.of(
                "summary",
                "syscalls -P --sort errors",
                "syscalls --by process,syscall -L --top 5 --format csv",
                "syscalls --interval 3s -L --by process,syscall --top 3 --relative",
                "opens --top processes --format csv",
                "kills --top --limit 80 --format json").map(Arguments::of);
    }

    static Stream<Arguments> withEventSource() {
        return Stream.of(
                "summary --format json",
                "syscalls --interval 500ms --sort latency --top 2").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onMixedHosts")
    void sameOutputOnMixedHosts(String args) {
        assertSameOutput(args, mixed);
    }

    /** web-1's syscall figures from per-event records: event counting, errno ranges, durations as latency. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withEventSource")
    void sameOutputFromSyscallEvents(String args) {
        assertSameOutput(args, eventsOnly);
    }

    /** Files of other schema versions are read through the same resolution rules as the analyzer's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("onLaterVersions")
    void sameOutputOnLaterSchemaVersions(String args) {
        assertSameOutput(args, FleetTrees.laterVersions(temp.resolve("later-" + args.hashCode())));
    }

    static Stream<Arguments> onLaterVersions() {
        return Stream.of("summary", "opens --top processes --format csv", "opens --top files --format csv")
                .map(Arguments::of);
    }

    /** ia32 calls are named from the ia32 table (ia32:open), apart from the native call of the same number. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withIa32Calls")
    void sameOutputOnIa32Calls(String args) {
        assertSameOutput(args, FleetTrees.ia32(temp.resolve("ia32-" + args.hashCode())));
    }

    static Stream<Arguments> withIa32Calls() {
        return Stream.of("syscalls --format csv", "syscalls --by process,syscall").map(Arguments::of);
    }

    /**
     * Top commands and services from each recording's process snapshots and procs events (app-1): syscall counts
     * at their interval's start in their process's cgroup, while the run also reads events (web-1's) that app-1's
     * figures must not take twice; and syscall events alone, each in its own cgroup.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withProcessContext")
    void sameOutputWithProcessContext(String args) {
        Path tree = FleetTrees.withProcessContext(temp.resolve("context-" + args.hashCode()), !args.contains("csv"));
        assertSameOutput(args, tree);
        String out = analyzer(argv(args, tree)).out();
        assertTrue(out.contains("Top services") || out.contains("top_services"), "the process context is shown");
    }

    static Stream<Arguments> withProcessContext() {
        return Stream.of("summary", "summary --format json", "summary --format csv").map(Arguments::of);
    }

    /** A cgroup made while recording names its service in the fleet as in the analyzer. */
    @Test
    void sameOutputWithACgroupMadeWhileRecording() {
        Path tree = FleetTrees.appWithNewContainer(temp.resolve("new-container"));
        assertSameOutput("summary", tree);
        assertTrue(analyzer(argv("summary", tree)).out().contains("docker:c0ffee00aa11"), "the new container is named");
    }

    /** A file cut inside a block is read up to the damage, with the analyzer's warning and exit status 1. */
    @Test
    void damagedFileIsReadUpToTheDamage() {
        String[] argv = argv("opens --top files --limit 3", FleetTrees.damaged(temp.resolve("damaged")));
        ToolRun analyzer = analyzer(argv);
        assertEquals(1, analyzer.status(), "the analyzer saw the damage");
        assertTrue(analyzer.out().contains("/etc/"), analyzer.out());
        ToolRun fleet = fleet(argv);
        assertEquals(analyzer.out(), fleet.out());
        assertEquals(1, fleet.status(), fleet.err());
        String damage = analyzer.err().replaceAll("(?s).*?: (truncated or corrupt at byte offset [^\n]*).*", "$1");
        assertTrue(damage.startsWith("truncated or corrupt"), analyzer.err());
        assertTrue(fleet.err().contains(damage), "the fleet says what the analyzer says: " + damage + "\n" + fleet.err());
    }

    private static void assertSameOutput(String args, Path tree) {
        String[] argv = argv(args, tree);
        ToolRun analyzer = analyzer(argv);
        ToolRun fleet = fleet(argv);
        assertEquals(0, analyzer.status(), analyzer.err());
        assertTrue(analyzer.out().lines().count() > 2, "the analyzer printed a result");
        assertEquals(analyzer.out(), fleet.out());
        assertEquals(0, fleet.status(), fleet.err());
    }
}
