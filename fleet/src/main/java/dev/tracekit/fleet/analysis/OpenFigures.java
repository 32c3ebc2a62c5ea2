package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.recording.RecordingStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** Opens per file, per process and failed opens per errno, ordered as the analyzer's {@code OpenTally} tops. */
public final class OpenFigures {
    private final FleetCatalog catalog;
    private final NameFunctions names;
    private final ProcessContext context;
    private final EventPredicates filters;
    private Dataset<Row> totals;

    public OpenFigures(FleetCatalog catalog, NameFunctions names, ProcessContext context, EventPredicates filters) {
        this.catalog = catalog;
        this.names = names;
        this.context = context;
        this.filters = filters;
    }

    /**
     * Opens the filters let through, counted per recording, process, path and result, read once and kept for every
     * listing (files, processes, errnos, the summary's activity, commands, services and records matched), so each file
     * is decoded once per run. Columns: the recording keys, pid, comm, path, result, the process context
     * ({@link ProcessContext#attach}), opens, failed. The path is the full path where the recording has one (since
     * schema 1.2, a relative open's; null in earlier files), as the analyzer goes by.
     */
    synchronized Dataset<Row> totals() {
        if (totals == null) {
            totals = context.attach(catalog.read(RecordingStream.OPENS).where(filters.opens()), col("header.pid"),
                            col("header.ts_ns"), col("header.cgroup_id"))
                    .groupBy(Recordings.keys(col("header.pid").as("pid"), col("header.comm").as("comm"),
                            coalesce(col("full_path"), col("path")).as("path"),
                            col("result"), col(ProcessContext.SPAN), col(ProcessContext.CGROUP)).toArray(Column[]::new))
                    .agg(count(lit(1)).as("opens"))
                    .withColumn("failed", when(col("result").lt(0), col("opens")).otherwise(0L))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return totals;
    }

    /** recording_id, host, opens, failed, path: most opened first, ties by host and path (unsigned bytes). */
    public Dataset<Row> files() {
        return totals().groupBy(Recordings.keys(col("path")).toArray(Column[]::new))
                .agg(sum("opens").as("opens"), sum("failed").as("failed"))
                .orderBy(col("opens").desc(), col(RecordingColumns.INDEX), col("path"))
                .select(Recordings.shown(col("opens"), col("failed"), col("path")).toArray(Column[]::new));
    }

    /** recording_id, host, pid, comm, opens, failed: the processes that opened most first. */
    public Dataset<Row> processes() {
        return totals().groupBy(Recordings.keys(col("pid"), col("comm")).toArray(Column[]::new))
                .agg(sum("opens").as("opens"), sum("failed").as("failed"))
                .orderBy(col("opens").desc(), col(RecordingColumns.INDEX), col("pid"), col("comm"))
                .select(Recordings.shown(col("pid"), col("comm"), col("opens"), col("failed")).toArray(Column[]::new));
    }

    /** recording_id, host, errno, errno_name, count: failed opens per errno, most frequent first. */
    public Dataset<Row> failedByErrno() {
        return totals().where(col("result").lt(0))
                .groupBy(Recordings.keys(negate(col("result")).as("errno")).toArray(Column[]::new))
                .agg(sum("opens").as("count"))
                .orderBy(col("count").desc(), col(RecordingColumns.INDEX), col("errno"))
                .select(Recordings.shown(col("errno"), names.errno(col("errno")).as("errno_name"), col("count"))
                        .toArray(Column[]::new));
    }
}
