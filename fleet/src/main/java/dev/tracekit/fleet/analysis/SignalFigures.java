package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.tracekit.analyzer.aggregate.SignalPairing;
import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.recording.RecordingStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** Signals by sender, target and signal, as the analyzer's {@code KillTally}. */
public final class SignalFigures {
    private final FleetCatalog catalog;
    private final NameFunctions names;
    private final ProcessContext context;
    private final EventPredicates filters;
    private Dataset<Row> totals;

    public SignalFigures(FleetCatalog catalog, NameFunctions names, ProcessContext context, EventPredicates filters) {
        this.catalog = catalog;
        this.names = names;
        this.context = context;
        this.filters = filters;
    }

    /**
     * Signal records the filters let through, counted per recording, sender, target, signal, fate and failure, read
     * once and kept for the listing, the summary's activity, commands, services and records matched. Columns: the recording keys, pid,
     * comm (the sender), target_pid, signal, fate, the sender's process context ({@link ProcessContext#attach}),
     * records, failed.
     */
    synchronized Dataset<Row> totals() {
        if (totals == null) {
            Dataset<Row> kills = context.selectByTarget(catalog.read(RecordingStream.KILLS).where(filters.kills()),
                    col("target_pid"), col("header.ts_ns"));
            totals = context.attach(kills, col("header.pid"), col("header.ts_ns"), col("header.cgroup_id"))
                    .withColumn("failed", when(col("syscall").notEqual("SIGNAL_GENERATE").and(col("result").lt(0)), 1L)
                            .otherwise(0L))
                    .withColumn("fate", when(col("syscall").equalTo("SIGNAL_GENERATE"), col("result"))
                            .otherwise(lit(SignalPairing.NO_FATE)))
                    .groupBy(Recordings.keys(col("header.pid").as("pid"), col("header.comm").as("comm"),
                            col("target_pid"), col("signal"), col("fate"), col(ProcessContext.SPAN),
                            col(ProcessContext.CGROUP)).toArray(Column[]::new))
                    .agg(count(lit(1)).as("records"), sum("failed").as("failed"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return totals;
    }

    /**
     * recording_id, host, pid, comm (the sender), target_pid, signal, signal_name, fate, count, failed: most
     * frequent first. A kernel-generated signal's result is what became of it (its fate), not an error, so it
     * never counts as failed. Not yet done here: joining a send to the kernel's record of it, as the
     * analyzer's {@code SignalPairing} does; a recording with kernel-signals counts such a signal twice.
     */
    public Dataset<Row> signals() {
        return totals()
                .groupBy(Recordings.keys(col("pid"), col("comm"), col("target_pid"), col("signal"), col("fate"))
                        .toArray(Column[]::new))
                .agg(sum("records").as("count"), sum("failed").as("failed"))
                .orderBy(col("count").desc(), col(RecordingColumns.INDEX), col("pid"), col("comm"), col("target_pid"),
                        col("signal"), col("fate"))
                .select(Recordings.shown(col("pid"), col("comm"), col("target_pid"), col("signal"),
                        names.signal(col("signal")).as("signal_name"), col("fate"), col("count"), col("failed"))
                        .toArray(Column[]::new));
    }
}
