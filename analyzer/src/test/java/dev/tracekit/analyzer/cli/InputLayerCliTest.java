package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the input layer promises, seen from the command line: partial reads, bundles, hosts, determinism. */
class InputLayerCliTest {
    @Test
    void truncatedFileIsReadToItsLastGoodBlockWithOneWarning() {
        CliRun run = CliRun.withFixtures("opens", "@truncated", "--format", "json");
        assertEquals(1, run.status(), "exit code 1: partial");
        assertEquals(900, run.out().lines().count());
        assertEquals(List.of("tracekit: warning: <fixtures>/truncated/opens-000001.avro: truncated or corrupt at "
                + "byte offset 16552 (file ends inside a block); read 900 records before it"), run.errLines());
    }

    @Test
    void aRecordingWithoutIntervalStatisticsTakesItsSpanFromItsEvents() {
        CliRun run = CliRun.withFixtures("summary", "@truncated", "--format", "json");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("\"section\":\"recordings\",\"host\":\"crash-1\",\"kernel_release\":\"6.1.0-27-amd64\","
                + "\"arch\":\"x86_64\",\"start_ns\":7200000077"), run.out());
        assertTrue(run.out().contains("\"family\":\"opens\",\"recorded\":0,\"lost\":0,\"completeness_pct\":100.0,"
                + "\"matched\":900"), run.out());
    }

    @Test
    void bundlesInsideADirectoryAreRead() {
        CliRun run = CliRun.of("kills", Fixtures.dbBundle().getParent().toString(), "--format", "json");
        assertEquals(CliRun.withFixtures("kills", "@db", "--format", "json").out(), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "opens", "kills", "syscalls"})
    void bundleReadsExactlyLikeItsDirectory(String verb) {
        CliRun directory = CliRun.withFixtures(verb, "@db", "--format", "json");
        CliRun bundle = CliRun.withFixtures(verb, "@bundle", "--format", "json");
        assertEquals(0, bundle.status(), bundle.err());
        assertFalse(directory.out().isBlank());
        assertEquals(directory.out(), bundle.out());
    }

    @Test
    void theSameRecordingGivenTwiceCountsOnce() {
        CliRun once = CliRun.withFixtures("summary", "@db", "--format", "json");
        CliRun twice = CliRun.withFixtures("summary", "@db", "@bundle", "--format", "json");
        assertEquals(once.out(), twice.out());
    }

    @Test
    void gzipAndPlainTarBundlesAreReadToo(@TempDir Path dir) throws IOException {
        Path tar = dir.resolve("db.tar");
        Path tgz = dir.resolve("db.tgz");
        TestBundles.write(Fixtures.db(), tar, false);
        TestBundles.write(Fixtures.db(), tgz, true);
        CliRun directory = CliRun.withFixtures("kills", "@db", "--format", "json");
        assertEquals(directory.out(), CliRun.of("kills", tar.toString(), "--format", "json").out());
        assertEquals(directory.out(), CliRun.of("kills", tgz.toString(), "--format", "json").out());
    }

    @Test
    void recordingsAreGroupedByHeaderNotByDirectory() {
        CliRun run = CliRun.withFixtures("summary", "@web", "@db", "@bundle", "@empty", "@truncated", "--format", "json");
        assertEquals(1, run.status(), "the truncated fixture makes the result partial");
        List<String> recordingRows = run.out().lines().filter(l -> l.contains("\"section\":\"recordings\"")).toList();
        assertEquals(4, recordingRows.size(), "web-1, db-1 (directory and bundle once), idle-1, crash-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "syscalls --by process,syscall", "opens --top processes", "kills --top",
        "syscalls --interval 1s -L"})
    void resultsDoNotDependOnTheNumberOfThreads(String verb) {
        String[] args = (verb + " " + Fixtures.web() + " " + Fixtures.db() + " --format json --limit 1000").split(" ");
        CliRun one = CliRun.of(concat(args, "--threads", "1"));
        CliRun four = CliRun.of(concat(args, "--threads", "4"));
        assertEquals(0, one.status(), one.err());
        assertEquals(one.out(), four.out());
    }

    @Test
    void orderedReplayOnSeveralThreadsMatchesOneThread() {
        CliRun one = CliRun.withFixtures("events", "@web", "--format", "json", "--threads", "1");
        CliRun three = CliRun.withFixtures("events", "@web", "--format", "json", "--threads", "3");
        assertEquals(20_000, one.out().lines().count());
        assertEquals(one.out(), three.out());
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void aarch64RecordingsDecodeWithTheirOwnTables() {
        CliRun run = CliRun.withFixtures("opens", "@db", "-f", "O_DIRECTORY", "--format", "json");
        assertEquals(1, run.out().lines().count());
        assertTrue(run.out().contains("\"flags\":540672,\"flags_name\":\"O_RDONLY|O_DIRECTORY|O_CLOEXEC\""), run.out());
        CliRun syscalls = CliRun.withFixtures("syscalls", "@db", "--syscall", "openat", "--format", "json");
        assertTrue(syscalls.out().contains("\"syscall\":56,\"syscall_name\":\"openat\""), syscalls.out());
    }
}
