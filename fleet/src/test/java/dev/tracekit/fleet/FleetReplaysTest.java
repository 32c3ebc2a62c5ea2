package dev.tracekit.fleet;

import static dev.tracekit.fleet.ToolRun.analyzer;
import static dev.tracekit.fleet.ToolRun.argv;
import static dev.tracekit.fleet.ToolRun.fleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.input.Families;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.fleet.analysis.Replays;
import dev.tracekit.schema.OpenEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replays in the fleet print what the analyzer's replays print, byte for byte: the same rows in the same merged
 * time order across recordings (ties to the recording first in the catalog), loss markers, formats and filters.
 */
class FleetReplaysTest {
    @TempDir
    static Path temp;

    static Path twins;
    static Path mixed;
    static Path context;

    @BeforeAll
    static void trees() {
        twins = FleetTrees.twins(temp.resolve("twins"), 700_000);
        mixed = FleetTrees.mixed(temp.resolve("mixed"));
        context = FleetTrees.withProcessContext(temp.resolve("context"), false);
    }

    /** A replay and the hosts whose rows must interleave in it, so an order by host alone could not pass. */
    static Stream<Arguments> replays() {
        return Stream.of(
                Arguments.of("opens --limit 60", twins),
                Arguments.of("events --limit 45 --format json", twins),
                Arguments.of("opens --limit 30 --format csv --comm-regex ^(nginx|java)$ -x", twins),
                Arguments.of("opens --errno ENOENT --since +9s", twins), // no limit: every record, streamed
                Arguments.of("opens --limit 25 --path /etc/**", mixed), // web-1 beside db-1, idle-1 and ci-1
                Arguments.of("events --limit 5 --host db-1", mixed), // no per-event records: the analyzer's note
                Arguments.of("kills --limit 50", twins), // sends and web-1's kernel-generated signals, one row each
                Arguments.of("kills --format csv --tpid 1203,2350 -k", twins),
                Arguments.of("kills --limit 40 --format json", mixed),
                Arguments.of("kills --target-comm nginx,bash", context)); // TCOMM and TCMD from app-1's timeline
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("replays")
    void theFleetReplaysAsTheAnalyzerDoes(String args, Path tree) {
        String[] argv = argv(args, tree);
        ToolRun analyzer = analyzer(argv);
        assertEquals(0, analyzer.status(), analyzer.err());
        assertTrue(analyzer.out().lines().count() > 2, analyzer.out());
        if (tree == twins && !args.contains("--tpid")) {
            assertTrue(analyzer.out().contains("web-0") && analyzer.out().contains("web-2"), "rows of the twins");
        }
        ToolRun fleet = fleet(argv);
        assertEquals(analyzer.out(), fleet.out());
        assertEquals(0, fleet.status(), fleet.err());
    }

    /**
     * A replay whose rows want more records than its limit (kills' pairing holds a signal back while it waits for
     * its send) gets the rest of each recording a page at a time, in the same merged order as without a limit.
     */
    @Test
    void recordsPastTheLimitComeInTheSameOrder() {
        Replays replays = TracekitFleet.open(SharedSpark.session(), List.of(twins.toString())).replays();
        List<String> streamed = seen(replays, 9, null);
        assertEquals(9, streamed.size());
        assertTrue(streamed.stream().map(s -> s.split(" ")[0]).distinct().count() > 1, streamed.toString());
        assertEquals(streamed, seen(replays, 9, 2));
    }

    /** The host and time of the first {@code wanted} opens the replay hands over. */
    private static List<String> seen(Replays replays, int wanted, Integer limit) {
        List<String> seen = new ArrayList<>();
        replays.replay(Families.OPENS, replays.opens(), limit, new RecordVisitor() {
            @Override
            public void open(Recording recording, OpenEvent e) {
                seen.add(recording.host() + " " + e.getHeader().getTsNs());
            }

            @Override
            public boolean wantsMore() {
                return seen.size() < wanted;
            }
        });
        return seen;
    }
}
