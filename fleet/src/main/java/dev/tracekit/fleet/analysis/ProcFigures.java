package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** The procs family as the summary counts it: records matched, and the processes its events show at work. */
public final class ProcFigures {
    private final ProcessContext context;
    private final EventPredicates filters;
    private Dataset<Row> totals;

    public ProcFigures(ProcessContext context, EventPredicates filters) {
        this.context = context;
        this.filters = filters;
    }

    /**
     * Procs records the filters let through, counted per recording and process context ({@link ProcessContext#attach}: the process each
     * event's header names, in the event's cgroup). Columns: the recording keys, span, context_cgroup, records.
     */
    synchronized Dataset<Row> totals() {
        if (totals == null) {
            totals = context.attach(context.procs().where(filters.procs()), col("header.pid"), col("header.ts_ns"), col("header.cgroup_id"))
                    .groupBy(Recordings.keys(col(ProcessContext.SPAN), col(ProcessContext.CGROUP))
                            .toArray(Column[]::new))
                    .agg(count(lit(1)).as("records"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return totals;
    }
}
