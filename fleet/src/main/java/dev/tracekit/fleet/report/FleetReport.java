package dev.tracekit.fleet.report;

import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.ReportContext;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A verb's result: Spark tables (written whole as Parquet) and how they read as the analyzer's tables. */
public interface FleetReport {
    /** The result tables by the section names of the analyzer's JSON and CSV. */
    Map<String, Dataset<Row>> tables();

    /** Collects the rows the listings show and hands them to the analyzer's report for {@code out}. */
    void write(TableWriter out, ReportContext context);
}
