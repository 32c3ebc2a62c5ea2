package dev.tracekit.fleet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracekit.analyzer.cli.CommandLineFactory;
import dev.tracekit.fleet.FleetTrees;
import dev.tracekit.fleet.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's {@code export --format parquet} read by Spark, the second independent reader beside DuckDB
 * (analyzer's ParquetExportTest): the same rows, typed so that Spark SQL can group and filter on them.
 */
class AnalyzerParquetInSparkTest {
    @TempDir
    Path dir;

    @Test
    void sparkReadsTheOpensExportWithItsTypesAndNames() {
        Path file = dir.resolve("opens.parquet");
        StringWriter err = new StringWriter();
        int status = CommandLineFactory.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "export",
                FleetTrees.fixtures().resolve("x86_64-web1").toString(), "--family", "opens", "--format", "parquet",
                "-o", file.toString());
        assertEquals(0, status, err.toString());

        Dataset<Row> opens = SharedSpark.session().read().parquet(file.toString());
        assertEquals(6013, opens.count(), "every open of the fixture (testdata/fixtures/README.md)");
        assertEquals("timestamp", opens.schema().apply("ts_utc").dataType().typeName());
        assertEquals("long", opens.schema().apply("ts_ns").dataType().typeName());
        assertEquals("string", opens.schema().apply("flags_name").dataType().typeName());
        assertEquals("binary", opens.schema().apply("path_raw").dataType().typeName());
        List<Row> missing = opens.where("path = '/etc/missing.conf'").groupBy("errno", "errno_name").count()
                .collectAsList();
        assertEquals(1, missing.size());
        assertEquals(2L, missing.getFirst().getLong(0));
        assertEquals("ENOENT", missing.getFirst().getString(1));
        assertEquals(1, opens.where("path_raw IS NOT NULL AND hex(path_raw) LIKE '%FFFE80%'").count(),
                "the path that is not UTF-8 keeps its bytes");
    }
}
