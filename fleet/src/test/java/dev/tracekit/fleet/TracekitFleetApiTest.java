package dev.tracekit.fleet;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.fleet.cli.FleetCommandLine;
import dev.tracekit.fleet.input.FleetRecording;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook API: what the CLI's tables are made of, named for SQL, and Parquet output. */
class TracekitFleetApiTest {
    @TempDir
    static Path temp;

    static Path tree;
    static TracekitFleet fleet;

    @BeforeAll
    static void open() {
        tree = FleetTrees.mixed(temp.resolve("tree"));
        fleet = TracekitFleet.open(SharedSpark.session(), tree.toString());
    }

    @Test
    void hostsComeFromHeadersNotDirectoryNames() {
        assertEquals(List.of("ci-1", "db-1", "idle-1", "web-1"),
                fleet.recordings().stream().map(FleetRecording::host).toList());
        assertEquals(List.of("x86_64", "aarch64", "x86_64", "x86_64"),
                fleet.recordings().stream().map(r -> r.meta().arch()).toList());
    }

    /** openat is 56 on aarch64 and 257 on x86_64: each host's numbers are decoded with its own table. */
    @Test
    void syscallNamesUseEachRecordingsArchitecture() {
        Map<String, Integer> openat = fleet.syscalls(SyscallGrouping.SYSCALL, SyscallOrder.COUNT, 0)
                .where(col("syscall_name").equalTo("openat")).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.<String>getAs("host"), row -> row.<Integer>getAs("syscall")));
        assertEquals(Map.of("db-1", 56, "web-1", 257), openat);
    }

    @Test
    void nameFunctionsAreCallableFromSql() {
        Row row = SharedSpark.session().sql("SELECT tracekit_syscall_name('aarch64', 56), tracekit_errno_name(2), "
                + "tracekit_signal_name(36), tracekit_syscall_name('x86_64', 9999)").first();
        assertEquals(List.of("openat", "ENOENT", "SIGRTMIN+2", "syscall_9999"),
                List.of(row.getString(0), row.getString(1), row.getString(2), row.getString(3)));
    }

    @Test
    void parquetHoldsWholeResultTables() {
        Path out = temp.resolve("parquet");
        StringWriter printed = new StringWriter();
        int status = FleetCommandLine.execute(new PrintWriter(printed), new PrintWriter(new StringWriter()),
                master -> SharedSpark.session(), "opens", "--top", "files", "--parquet", out.toString(), tree.toString());
        assertEquals(0, status);
        assertTrue(printed.toString().contains("wrote " + out.resolve("top_files")), printed.toString());
        Dataset<Row> files = SharedSpark.session().read().parquet(out.resolve("top_files").toString());
        long distinctPaths = fleet.openedFiles().count();
        assertTrue(distinctPaths > 10, "more files than a table shows");
        assertEquals(distinctPaths, files.count());
        assertEquals(List.of("recording_id", "host", "opens", "failed", "path"), List.of(files.columns()));
    }
}
