package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The summary's "top commands" and "top services": what each command line and each service did, and how many
 * processes ran it, as the analyzer's {@code ContextTally} sums them. Summed from every family's totals, which
 * carry the process context of their events, so no file is read again.
 */
public final class ContextFigures {
    private final ProcessContext context;
    private final SyscallFigures syscalls;
    private final OpenFigures opens;
    private final SignalFigures signals;
    private final ProcFigures procs;

    public ContextFigures(ProcessContext context, SyscallFigures syscalls, OpenFigures opens, SignalFigures signals,
            ProcFigures procs) {
        this.context = context;
        this.syscalls = syscalls;
        this.opens = opens;
        this.signals = signals;
        this.procs = procs;
    }

    /**
     * recording_id, host, processes, syscalls, opens, signals_sent, cmdline: the most active command lines (all three
     * summed) first, then those more processes ran, ties by recording and command line (unsigned bytes).
     */
    public Dataset<Row> commands() {
        return top(activity().where(col("cmdline").isNotNull()), col("cmdline"), col("cmdline"));
    }

    /**
     * recording_id, host, processes, syscalls, opens, signals_sent, service: as {@link #commands()}, by the service
     * the event's cgroup names; ties by the label as Java orders strings (UTF-16 code units).
     */
    public Dataset<Row> services() {
        Dataset<Row> labels = context.services().select(col(RecordingColumns.INDEX).as("service_recording"),
                col("cgroup_id"), col("service"));
        Dataset<Row> byService = activity()
                .join(broadcast(labels), col(RecordingColumns.INDEX).equalTo(col("service_recording"))
                        .and(col(ProcessContext.CGROUP).equalTo(col("cgroup_id"))))
                .drop("service_recording", "cgroup_id");
        return top(byService, col("service"), encode(col("service"), "UTF-16BE"));
    }

    /**
     * What every family did per recording and span, joined to the span's process (life_pid, life_start_ns) and
     * command line; rows of no known process are left out, as the analyzer leaves them.
     */
    private Dataset<Row> activity() {
        Dataset<Row> rows = syscalls.totals().select(figures(col("count"), lit(0L), lit(0L)))
                .unionByName(opens.totals().select(figures(lit(0L), col("opens"), lit(0L))))
                .unionByName(signals.totals().select(figures(lit(0L), lit(0L), col("records"))))
                .unionByName(procs.totals().select(figures(lit(0L), lit(0L), lit(0L)))) // its processes only
                .where(col(ProcessContext.SPAN).isNotNull());
        Dataset<Row> lives = context.spans().select(col(RecordingColumns.INDEX).as("span_recording"),
                col(ProcessContext.SPAN).as("span_number"), col("pid").as("life_pid"), col("life_start_ns"),
                col("cmdline"));
        return rows.join(broadcast(lives), col(RecordingColumns.INDEX).equalTo(col("span_recording"))
                        .and(col(ProcessContext.SPAN).equalTo(col("span_number"))))
                .drop("span_recording", "span_number");
    }

    private static Column[] figures(Column syscalls, Column opens, Column signals) {
        return Recordings.keys(col(ProcessContext.SPAN), col(ProcessContext.CGROUP), syscalls.as("syscalls"),
                opens.as("opens"), signals.as("signals_sent")).toArray(Column[]::new);
    }

    /** Summed by {@code name}: distinct processes are distinct (pid, start time), as the analyzer counts them. */
    private static Dataset<Row> top(Dataset<Row> activity, Column name, Column nameOrder) {
        return activity.groupBy(Recordings.keys(name).toArray(Column[]::new))
                .agg(countDistinct(col("life_pid"), col("life_start_ns")).as("processes"), sum("syscalls").as("syscalls"),
                        sum("opens").as("opens"), sum("signals_sent").as("signals_sent"))
                .orderBy(col("syscalls").plus(col("opens")).plus(col("signals_sent")).desc(), col("processes").desc(),
                        col(RecordingColumns.INDEX), nameOrder)
                .select(Recordings.shown(col("processes"), col("syscalls"), col("opens"), col("signals_sent"), name)
                        .toArray(Column[]::new));
    }
}
