package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The summary's "top processes": what each process did across the families, as the analyzer's {@code SummaryAggregate}. */
public final class ActivityFigures {
    private final SyscallFigures syscalls;
    private final OpenFigures opens;
    private final SignalFigures signals;

    public ActivityFigures(SyscallFigures syscalls, OpenFigures opens, SignalFigures signals) {
        this.syscalls = syscalls;
        this.opens = opens;
        this.signals = signals;
    }

    /**
     * recording_id, host, pid, comm, syscalls, opens, signals_sent: the most active (all three summed)
     * first, ties by host, pid and comm.
     */
    public Dataset<Row> processes() {
        Dataset<Row> calls = syscalls.totals()
                .select(activity(col("pid"), col("comm"), col("count"), lit(0L), lit(0L)));
        Dataset<Row> opened = opens.totals()
                .select(activity(col("pid"), col("comm"), lit(0L), col("opens"), lit(0L)));
        Dataset<Row> sent = signals.totals()
                .select(activity(col("pid"), col("comm"), lit(0L), lit(0L), col("records")));
        return calls.unionByName(opened).unionByName(sent)
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
