package dev.tracekit.fleet.analysis;

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

/** Opens per file, per process and failed opens per errno, ordered as the analyzer's {@code OpenTally} tops. */
public final class OpenFigures {
    private final FleetCatalog catalog;
    private final NameFunctions names;

    public OpenFigures(FleetCatalog catalog, NameFunctions names) {
        this.catalog = catalog;
        this.names = names;
    }

    private Dataset<Row> opens() {
        return catalog.read(RecordingStream.OPENS)
                .withColumn("failed", when(col("result").lt(0), 1L).otherwise(0L));
    }

    /** recording_id, host, opens, failed, path: most opened first, ties by host and path (unsigned bytes). */
    public Dataset<Row> files() {
        return opens().groupBy(Recordings.keys(col("path")).toArray(Column[]::new))
                .agg(count(lit(1)).as("opens"), sum("failed").as("failed"))
                .orderBy(col("opens").desc(), col(RecordingColumns.INDEX), col("path"))
                .select(Recordings.shown(col("opens"), col("failed"), col("path")).toArray(Column[]::new));
    }

    /** recording_id, host, pid, comm, opens, failed: the processes that opened most first. */
    public Dataset<Row> processes() {
        return opens().groupBy(Recordings.keys(col("header.pid").as("pid"), col("header.comm").as("comm"))
                        .toArray(Column[]::new))
                .agg(count(lit(1)).as("opens"), sum("failed").as("failed"))
                .orderBy(col("opens").desc(), col(RecordingColumns.INDEX), col("pid"), col("comm"))
                .select(Recordings.shown(col("pid"), col("comm"), col("opens"), col("failed")).toArray(Column[]::new));
    }

    /** recording_id, host, errno, errno_name, count: failed opens per errno, most frequent first. */
    public Dataset<Row> failedByErrno() {
        return opens().where(col("result").lt(0))
                .groupBy(Recordings.keys(negate(col("result")).as("errno")).toArray(Column[]::new))
                .agg(count(lit(1)).as("count"))
                .orderBy(col("count").desc(), col(RecordingColumns.INDEX), col("errno"))
                .select(Recordings.shown(col("errno"), names.errno(col("errno")).as("errno_name"), col("count"))
                        .toArray(Column[]::new));
    }
}
