package dev.tracekit.fleet;

import static dev.tracekit.fleet.ToolRun.analyzer;
import static dev.tracekit.fleet.ToolRun.argv;
import static dev.tracekit.fleet.ToolRun.fleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet compact, and every verb over the table printing what the analyzer prints over the recordings. */
class CompactedTableTest {
    @TempDir
    static Path temp;

    static Path mixed;
    static Path table;

    @BeforeAll
    static void compactOnce() {
        mixed = FleetTrees.mixed(temp.resolve("mixed"));
        table = temp.resolve("table");
        ToolRun first = fleet("compact", mixed.toString(), "--to", table.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().startsWith("compacted "), first.out());
    }

    @Test
    void verbsOverTheTablePrintWhatTheAnalyzerPrints() {
        for (String args : List.of("summary", "syscalls --by process,syscall -L --top 5 --format csv",
                "syscalls --interval 3s -L --top 3 --relative", "opens --top processes --format csv",
                "kills --top --format json")) {
            ToolRun analyzer = analyzer(argv(args, mixed));
            ToolRun fleet = fleet(argv(args, table));
            assertEquals(0, analyzer.status(), analyzer.err());
            assertEquals(analyzer.out(), fleet.out(), args);
            assertEquals(0, fleet.status(), fleet.err());
        }
    }

    /** Filters over the table are predicates on its columns as on the Avro records; empty listings say why. */
    @Test
    void filtersOverTheTableSelectWhatTheAnalyzerSelects() {
        for (List<String> verbAndFilter : List.of(
                List.of("summary", "--comm bash,systemd --since +1s --until 2026-11-02T09:00:08Z"),
                List.of("syscalls --by process,syscall --format csv", "-x --host db-1,web-1"),
                List.of("opens --top files", "--path /etc/** --errno ENOENT,EACCES"),
                List.of("syscalls", "--tid 4"))) {
            String verb = verbAndFilter.get(0);
            String args = verb + " " + verbAndFilter.get(1);
            ToolRun analyzer = analyzer(argv(args, mixed));
            assertNotEquals(analyzer(argv(verb, mixed)).out(), analyzer.out(), "the filters change the output: " + args);
            assertEquals(analyzer.out(), fleet(argv(args, table)).out(), args);
        }
    }

    /** The table keeps each file's process snapshot and its procs in recorded order: top commands and services. */
    @Test
    void theTableKeepsTheProcessContext() {
        Path tree = FleetTrees.withProcessContext(temp.resolve("context"), true);
        Path contextTable = temp.resolve("context-table");
        ToolRun compact = fleet("compact", tree.toString(), "--to", contextTable.toString());
        assertEquals(0, compact.status(), compact.err());
        ToolRun analyzer = analyzer(argv("summary", tree));
        assertTrue(analyzer.out().contains("Top commands"), analyzer.out());
        assertEquals(analyzer.out(), fleet(argv("summary", contextTable)).out());
    }

    @Test
    void compactingAgainAddsNothing() {
        ToolRun again = fleet("compact", mixed.toString(), "--to", table.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().startsWith("compacted 0 recording files"), again.out());
    }

    /** A recording still being written: its file compacted half-written, then again once it has grown. */
    @Test
    void aGrowingFileIsCompactedAgain() throws IOException {
        Path tree = FleetTrees.eventsOnly(temp.resolve("growing"));
        Path opens = tree.resolve("node-1/opens-000001.avro");
        byte[] whole = Files.readAllBytes(opens);
        Files.write(opens, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path growing = temp.resolve("growing-table");
        ToolRun half = fleet("compact", tree.toString(), "--to", growing.toString());
        assertEquals(1, half.status(), "the half-written file reads as damaged: " + half.err());
        Files.write(opens, whole);
        ToolRun grown = fleet("compact", tree.toString(), "--to", growing.toString());
        assertEquals(0, grown.status(), grown.err());
        assertTrue(grown.out().startsWith("compacted 1 recording files"), grown.out());
        String[] args = argv("opens --top files --limit 5", tree);
        assertEquals(analyzer(args).out(), fleet(argv("opens --top files --limit 5", growing)).out());
    }

    @Test
    void damageFoundWhenCompactingIsReportedByReaders() {
        Path damaged = FleetTrees.damaged(temp.resolve("damaged"));
        Path damagedTable = temp.resolve("damaged-table");
        assertEquals(1, fleet("compact", damaged.toString(), "--to", damagedTable.toString()).status());
        ToolRun analyzer = analyzer(argv("opens --top files --limit 3", damaged));
        ToolRun fleet = fleet(argv("opens --top files --limit 3", damagedTable));
        assertEquals(analyzer.out(), fleet.out());
        assertEquals(1, fleet.status());
        assertTrue(fleet.err().contains("truncated or corrupt at byte offset"), fleet.err());
    }

    @Test
    void aPathThatIsNotATableIsRefusedInOneLine() {
        ToolRun run = fleet("compact", mixed.toString(), "--to", mixed.resolve("rack-a").toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("not a tracekit table"), run.err());
    }
}
