package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.recording.RecordingStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The summary's "top processes": what each process did across the families, as the analyzer's {@code SummaryAggregate}. */
public final class ActivityFigures {
    private final FleetCatalog catalog;
    private final SyscallFigures syscalls;

    public ActivityFigures(FleetCatalog catalog, SyscallFigures syscalls) {
        this.catalog = catalog;
        this.syscalls = syscalls;
    }

    /**
     * recording_id, host, pid, comm, syscalls, opens, signals_sent: the most active (all three summed)
     * first, ties by host, pid and comm.
     */
    public Dataset<Row> processes() {
        Dataset<Row> calls = syscalls.sourceRows()
                .select(activity(col("pid"), col("comm"), col("count"), lit(0L), lit(0L)));
        Dataset<Row> opens = catalog.read(RecordingStream.OPENS)
                .select(activity(col("header.pid"), col("header.comm"), lit(0L), lit(1L), lit(0L)));
        Dataset<Row> signals = catalog.read(RecordingStream.KILLS)
                .select(activity(col("header.pid"), col("header.comm"), lit(0L), lit(0L), lit(1L)));
        return calls.unionByName(opens).unionByName(signals)
                .groupBy(Recordings.keys(col("pid"), col("comm")).toArray(Column[]::new))
                .agg(sum("syscalls").as("syscalls"), sum("opens").as("opens"), sum("signals_sent").as("signals_sent"))
                .orderBy(col("syscalls").plus(col("opens")).plus(col("signals_sent")).desc(),
                        col(RecordingColumns.INDEX), col("pid"), col("comm"))
                .select(Recordings.shown(col("pid"), col("comm"), col("syscalls"), col("opens"), col("signals_sent"))
                        .toArray(Column[]::new));
    }

    private static Column[] activity(Column pid, Column comm, Column syscalls, Column opens, Column signals) {
        return Recordings.keys(pid.as("pid"), comm.as("comm"), syscalls.as("syscalls"), opens.as("opens"),
                signals.as("signals_sent")).toArray(Column[]::new);
    }
}
