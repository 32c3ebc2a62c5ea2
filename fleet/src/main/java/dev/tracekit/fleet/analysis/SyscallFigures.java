package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.SyscallAbi;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * syscount over the fleet: calls, errors and latency per host and syscall and/or process, optionally per
 * time window, from each recording's syscall family (in-kernel counts, else per-event records). Sums and
 * orders as the analyzer's {@code SyscallTally} does, ties included.
 */
public final class SyscallFigures {
    private final FleetCatalog catalog;
    private final NameFunctions names;
    private final ProcessContext context;
    private final EventPredicates filters;
    private Dataset<Row> totals;

    public SyscallFigures(FleetCatalog catalog, NameFunctions names, ProcessContext context, EventPredicates filters) {
        this.catalog = catalog;
        this.names = names;
        this.context = context;
        this.filters = filters;
    }

    /**
     * The syscall family summed per recording, process and syscall, read once and kept (in memory, spilling
     * to disk) for every listing without windows: the summary's top syscalls, top processes and records
     * matched, top commands and services all come from it, so each file is decoded once per run. Columns: the
     * recording keys, pid, comm, syscall, the process context ({@link ProcessContext#attach}: a count row's at its
     * interval's start, in its process's cgroup), records (rows read), count, errors, latency_sum and latency_known.
     */
    synchronized Dataset<Row> totals() {
        if (totals == null) {
            totals = context.attach(sourceRows(), col("pid"), col("ts_ns"), col("cgroup_id"))
                    .groupBy(Recordings.keys(col("pid"), col("comm"), col("syscall"), col(ProcessContext.SPAN),
                            col(ProcessContext.CGROUP)).toArray(Column[]::new))
                    .agg(count(lit(1)).as("records"), sum("count").as("count"), sum("errors").as("errors"),
                            sum("latency_ns").as("latency_sum"), min("latency_known").as("latency_known"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return totals;
    }

    /**
     * One row per count row or event of each recording's syscall family that the filters let through, in one shape:
     * pid, comm, syscall, ts_ns (the event, or the count's interval start), cgroup_id (the event's; null for counts,
     * which carry none), count, errors, latency_ns and latency_known (false for counts recorded without --latency).
     * With {@code --failed} a count row stands for its failed calls: their latency is unknown.
     */
    Dataset<Row> sourceRows() {
        boolean errorsOnly = filters.narrowsCountsToErrors();
        Column latency = errorsOnly ? lit(null).cast("long") : col("latency_total_ns");
        Dataset<Row> counts = catalog.read(RecordingStream.SYSCALL_COUNTS,
                r -> r.syscallFamily() == Family.SYSCALL_COUNTS).where(filters.syscallCounts()).select(columns(
                col("pid"), col("comm"), syscallKey(), col("interval_start_ns").as("ts_ns"),
                lit(null).cast("long").as("cgroup_id"), errorsOnly ? col("errors").as("count") : col("count"),
                col("errors"), latency.as("latency_ns"),
                latency.isNotNull().and(col("latency_log2_hist").isNotNull()).as("latency_known")));
        Dataset<Row> events = catalog.read(RecordingStream.SYSCALL_EVENTS,
                r -> r.syscallFamily() == Family.SYSCALL_EVENTS).where(filters.syscallEvents()).select(columns(
                col("header.pid").as("pid"), col("header.comm").as("comm"), syscallKey(),
                col("header.ts_ns").as("ts_ns"), col("header.cgroup_id").as("cgroup_id"), lit(1L).as("count"),
                // -4095..-1 is a negated errno (Errnos.ofReturnValue)
                when(col("ret").between(-4095L, -1L), 1L).otherwise(0L).as("errors"),
                col("duration_ns").as("latency_ns"), lit(true).as("latency_known")));
        return counts.unionByName(events);
    }

    /**
     * The number a call is known by, as the analyzer keys it (SyscallTable.keyOf): an ia32 call's (abi IA32, since
     * schema 1.2) with SyscallTable.IA32 set, so it is named from the ia32 table and never merged with the native
     * call of the same number.
     */
    static Column syscallKey() {
        return when(col("abi").equalTo(SyscallAbi.IA32.name()), col("syscall").bitwiseOR(lit(SyscallTable.IA32)))
                .otherwise(col("syscall")).as("syscall");
    }

    private static Column[] columns(Column... fields) {
        return Recordings.keys(fields).toArray(Column[]::new);
    }

    /**
     * The figures, ordered as the analyzer lists them: without windows by the measure (largest first), ties
     * by recording, syscall, pid and comm; with windows by recording and window, each window's rows by the
     * measure with a {@code rank} from 1.
     *
     * <p>Columns: recording_id, host, [window_start_ns, rank,] [pid, comm,] [syscall, syscall_name,] count,
     * errors, [rate_per_s,] latency_total_ns and latency_avg_ns (null where latency was not recorded for all
     * calls summed), lost (events of the syscall family lost in the recording, or in the window).
     *
     * @param windowNs width of the time windows from each recording's start, or 0 for totals
     */
    public Dataset<Row> figures(SyscallGrouping grouping, SyscallOrder order, long windowNs) {
        List<Column> keys = Recordings.keys();
        if (grouping.byProcess()) {
            keys.add(col("pid"));
            keys.add(col("comm"));
        }
        if (grouping.bySyscall()) {
            keys.add(col("syscall"));
        }
        keys.add(col("bucket"));
        // sums of sums: the totals' latency_sum and latency_known compose as the per-row values do
        Dataset<Row> rows = windowNs == 0
                ? totals().withColumn("bucket", lit(0L)).withColumnRenamed("latency_sum", "latency_ns")
                : context.selectByProcess(sourceRows(), col("pid"), col("ts_ns"), col("cgroup_id"))
                        .withColumn("bucket", bucket("ts_ns", windowNs));
        Dataset<Row> sums = rows
                .groupBy(keys.toArray(Column[]::new))
                .agg(sum("count").as("count"), sum("errors").as("errors"), sum("latency_ns").as("latency_sum"),
                        min("latency_known").as("latency_known"))
                .withColumn("latency_total_ns", when(col("latency_known"), col("latency_sum")))
                .withColumn("latency_avg_ns", when(col("latency_total_ns").isNotNull().and(col("count").notEqual(0)),
                        expr("latency_total_ns div count")));
        List<Column> ties = new ArrayList<>();
        if (grouping.bySyscall()) {
            ties.add(col("syscall").asc());
        }
        if (grouping.byProcess()) {
            ties.add(col("pid").asc());
            ties.add(col("comm").asc_nulls_first());
        }
        List<Column> byMeasure = new ArrayList<>(List.of(measure(order).desc()));
        if (order == SyscallOrder.LATENCY) {
            byMeasure.add(col("count").desc()); // as SyscallOrder.tieBreak: rows without latency by calls
        }
        List<Column> shown = Recordings.shown();
        Dataset<Row> ordered;
        if (windowNs == 0) {
            byMeasure.add(col(RecordingColumns.INDEX));
            byMeasure.addAll(ties);
            ordered = sums.withColumn("lost", col(RecordingColumns.SYSCALL_LOST))
                    .orderBy(byMeasure.toArray(Column[]::new));
        } else {
            byMeasure.addAll(ties);
            ordered = sums
                    .withColumn("window_start_ns", col(RecordingColumns.START_NS).plus(col("bucket").multiply(windowNs)))
                    .withColumn("rank", row_number().over(Window.partitionBy(RecordingColumns.INDEX, "bucket")
                            .orderBy(byMeasure.toArray(Column[]::new))))
                    .withColumn("rate_per_s", round(col("count").cast("double").multiply(1e9).divide((double) windowNs))
                            .cast("long"))
                    .join(windowLosses(windowNs), new String[] {RecordingColumns.INDEX, "bucket"}, "left")
                    .withColumn("lost", coalesce(col("window_lost"), lit(0L)))
                    .orderBy(col(RecordingColumns.INDEX), col("bucket"), col("rank"));
            shown.add(col("window_start_ns"));
            shown.add(col("rank"));
        }
        if (grouping.byProcess()) {
            shown.add(col("pid"));
            shown.add(col("comm"));
        }
        if (grouping.bySyscall()) {
            shown.add(col("syscall"));
            shown.add(names.syscall(col(RecordingColumns.ARCH), col("syscall")).as("syscall_name"));
        }
        shown.addAll(List.of(col("count"), col("errors")));
        if (windowNs != 0) {
            shown.add(col("rate_per_s"));
        }
        shown.addAll(List.of(col("latency_total_ns"), col("latency_avg_ns"), col("lost")));
        return ordered.select(shown.toArray(Column[]::new));
    }

    private static Column measure(SyscallOrder order) {
        return switch (order) {
            case COUNT -> col("count");
            case ERRORS -> col("errors");
            // rows without latency come last, as SyscallOrder ranks them at -1
            case LATENCY -> coalesce(col("latency_total_ns"), lit(-1L));
        };
    }

    /** floorDiv(column - recording start, width): the window index, exact in long arithmetic. */
    private static Column bucket(String bootNsColumn, long windowNs) {
        String since = "(" + bootNsColumn + " - " + RecordingColumns.START_NS + ")";
        return expr("(" + since + " - pmod(" + since + ", " + windowNs + "L)) div " + windowNs + "L");
    }

    /**
     * Events of each recording's syscall family lost in the intervals overlapping each window, as the
     * analyzer's {@code Losses.lostBetween}: an interval [start, end) overlaps windows floorDiv(start - s, w)
     * through floorDiv(end - 1 - s, w).
     */
    private Dataset<Row> windowLosses(long windowNs) {
        return catalog.read(RecordingStream.INTERVALS)
                .select(col(RecordingColumns.INDEX), col(RecordingColumns.START_NS), col(RecordingColumns.SYSCALL_FAMILY),
                        col("interval_start_ns"),
                        col("interval_end_ns").minus(1L).as("interval_last_ns"), explode(col("drops")).as("drop"))
                .where(col("drop.family").equalTo(col(RecordingColumns.SYSCALL_FAMILY))
                        .and(col("drop.count").notEqual(0L)))
                .withColumn("first", bucket("interval_start_ns", windowNs))
                .withColumn("last", bucket("interval_last_ns", windowNs))
                .where(col("last").geq(col("first")))
                .select(col(RecordingColumns.INDEX), explode(sequence(col("first"), col("last"))).as("bucket"),
                        col("drop.count").as("n"))
                .groupBy(RecordingColumns.INDEX, "bucket").agg(sum("n").as("window_lost"));
    }
}
