package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.recording.RecordingStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Signals by sender, target and signal, as the analyzer's {@code KillTally}. */
public final class SignalFigures {
    private final FleetCatalog catalog;
    private final NameFunctions names;

    public SignalFigures(FleetCatalog catalog, NameFunctions names) {
        this.catalog = catalog;
        this.names = names;
    }

    /**
     * recording_id, host, pid, comm (the sender), target_pid, signal, signal_name, count, failed: most
     * frequent first. A kernel-generated signal's result is what became of it, not an error, so it never
     * counts as failed.
     */
    public Dataset<Row> signals() {
        return catalog.read(RecordingStream.KILLS)
                .withColumn("failed", when(col("syscall").notEqual("SIGNAL_GENERATE").and(col("result").lt(0)), 1L)
                        .otherwise(0L))
                .groupBy(Recordings.keys(col("header.pid").as("pid"), col("header.comm").as("comm"),
                        col("target_pid"), col("signal")).toArray(Column[]::new))
                .agg(count(lit(1)).as("count"), sum("failed").as("failed"))
                .orderBy(col("count").desc(), col(RecordingColumns.INDEX), col("pid"), col("comm"), col("target_pid"),
                        col("signal"))
                .select(Recordings.shown(col("pid"), col("comm"), col("target_pid"), col("signal"),
                        names.signal(col("signal")).as("signal_name"), col("count"), col("failed"))
                        .toArray(Column[]::new));
    }
}
