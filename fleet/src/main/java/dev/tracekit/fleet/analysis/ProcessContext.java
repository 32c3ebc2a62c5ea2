package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.tracekit.analyzer.filter.EventFilter;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.ProcessIndex;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.fleet.input.RowToAvro;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.ProcEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Who each event's process was, as the analyzer's {@code ContextTally} asks it. A recording's process context is
 * small (its snapshots and procs events) and its events are many: each recording's {@link ProcessTimeline} is built
 * on the driver with the analyzer's own classes, and goes to Spark as two small tables the events join by broadcast:
 * the timelines' spans (who held a pid from one ns to another) and each cgroup's service. Only recordings with
 * process snapshots take part, as in the analyzer: without one, the processes that started before the recording
 * have no command line and no cgroup a path.
 */
public final class ProcessContext {
    /** The span an event's process was in (its number in {@link #spans()}); null when no process is known. */
    static final String SPAN = "span";
    /** The cgroup whose service an event counts for; null when no process is known. */
    static final String CGROUP = "context_cgroup";

    /** Whether --ppid and --exe let the span's process through (true without them). */
    private static final String PASSES = "passes";
    /** Whether --target-comm lets a signal to the span's process through (true without it). */
    private static final String TARGET_PASSES = "target_passes";

    private final SparkSession spark;
    private final FleetCatalog catalog;
    private Dataset<Row> procs;
    private Dataset<Row> spans;
    private Dataset<Row> services;
    private boolean anySpan;
    /** Per recording index: the cgroup ids --cgroup and --unit let through. */
    private final Map<Integer, List<Long>> passingCgroups = new HashMap<>();
    /** Per recording index: its process timeline, for the replays' target columns. */
    private final Map<Integer, ProcessTimeline> timelines = new HashMap<>();

    private ProcessContext(SparkSession spark, FleetCatalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** The context of the catalog's recordings; nothing is read until a family's totals ask for it. */
    public static ProcessContext of(SparkSession spark, FleetCatalog catalog) {
        return new ProcessContext(spark, catalog);
    }

    /**
     * Every procs record, read once and kept: the timelines, the processes the summary counts and the records
     * matched all come from it.
     */
    synchronized Dataset<Row> procs() {
        if (procs == null) {
            procs = catalog.read(RecordingStream.PROCS).persist(StorageLevel.MEMORY_AND_DISK());
        }
        return procs;
    }

    /**
     * recording_index, span, pid, from_ns, to_ns (both included), life_start_ns (the process's start: with the pid,
     * which process), cmdline (its arguments joined by spaces; null when unknown) and life_cgroup: every span of
     * every timeline.
     */
    synchronized Dataset<Row> spans() {
        build();
        return spans;
    }

    /** The recording's process timeline: its snapshots followed through its procs events (empty without snapshots). */
    synchronized ProcessTimeline timeline(int index) {
        build();
        return timelines.get(index);
    }

    /** recording_index, cgroup_id, service: every cgroup whose path names a service, with its label. */
    synchronized Dataset<Row> services() {
        build();
        return services;
    }

    /**
     * The rows with the span their process was in at {@code ts} ({@value #SPAN}) and the cgroup whose service they
     * count for ({@value #CGROUP}): {@code cgroup}, or where that is null the process's (count rows carry none).
     * Both null where no process is known. With --ppid or --exe only the rows of a process they let through are
     * kept, as the analyzer asks its timeline at each event (and a process it cannot name passes neither).
     */
    Dataset<Row> attach(Dataset<Row> rows, Column pid, Column ts, Column cgroup) {
        Dataset<Row> spans = spans();
        boolean byProcess = selectsByProcess();
        if (!anySpan) { // no recording names its processes: nothing to join
            return rows.where(lit(!byProcess)).withColumn(SPAN, lit(null).cast(DataTypes.IntegerType))
                    .withColumn(CGROUP, lit(null).cast(DataTypes.LongType));
        }
        Dataset<Row> bounds = spans.select(col(RecordingColumns.INDEX).as("span_recording"), col(SPAN),
                col("pid").as("span_pid"), col("from_ns").as("span_from"), col("to_ns").as("span_to"),
                col("life_cgroup").as("span_cgroup"), col(PASSES).as("span_passes"));
        Dataset<Row> attached = rows.join(broadcast(bounds), col(RecordingColumns.INDEX).equalTo(col("span_recording"))
                        .and(pid.equalTo(col("span_pid")))
                        .and(ts.between(col("span_from"), col("span_to"))), "left");
        if (byProcess) {
            attached = attached.where(col("span_passes"));
        }
        return attached.withColumn(CGROUP, when(col(SPAN).isNotNull(), coalesce(cgroup, col("span_cgroup"))))
                .drop("span_recording", "span_pid", "span_from", "span_to", "span_cgroup", "span_passes");
    }

    /**
     * The signals --target-comm lets through: those whose target ({@code targetPid}) was, at {@code ts}, a process of
     * that name, as the analyzer asks its timeline at each signal; a target no timeline names passes not. Without
     * --target-comm the rows as they are.
     */
    Dataset<Row> selectByTarget(Dataset<Row> rows, Column targetPid, Column ts) {
        if (catalog.filters().targetComms().isEmpty()) {
            return rows;
        }
        Dataset<Row> spans = spans();
        if (!anySpan) {
            return rows.where(lit(false));
        }
        Dataset<Row> targets = spans.where(col(TARGET_PASSES)).select(col(RecordingColumns.INDEX).as("target_recording"),
                col("pid").as("target_span_pid"), col("from_ns").as("target_from"), col("to_ns").as("target_to"));
        // spans of one pid never overlap, so a signal meets at most one: the join keeps it once or drops it
        return rows.join(broadcast(targets), col(RecordingColumns.INDEX).equalTo(col("target_recording"))
                        .and(targetPid.equalTo(col("target_span_pid")))
                        .and(ts.between(col("target_from"), col("target_to"))), "left_semi");
    }

    /**
     * The rows of the processes --ppid and --exe let through ({@link #attach} without them: nothing to join), for
     * results that need no process context otherwise.
     */
    Dataset<Row> selectByProcess(Dataset<Row> rows, Column pid, Column ts, Column cgroup) {
        return selectsByProcess() ? attach(rows, pid, ts, cgroup) : rows;
    }

    private boolean selectsByProcess() {
        return !catalog.filters().ppids().isEmpty() || !catalog.filters().exes().isEmpty();
    }

    /**
     * Whether --cgroup and --unit let through a task of the cgroup {@code cgroupId} names: the analyzer's verdict per
     * cgroup of each recording (by id, or by the path and service its timeline knows for the id), decided on the
     * driver; an id no timeline knows passes only as an id given.
     */
    synchronized Column cgroupPasses(Column cgroupId) {
        FilterSpec filters = catalog.filters();
        if (!filters.readsCgroups()) {
            return lit(true);
        }
        if (filters.cgroupGlobs().isEmpty() && filters.units().isEmpty()) {
            return cgroupId.isin(filters.cgroups().toArray()); // ids alone need no timeline, hence no job
        }
        build();
        Column passes = lit(false);
        for (Map.Entry<Integer, List<Long>> passing : passingCgroups.entrySet()) {
            if (!passing.getValue().isEmpty()) {
                passes = passes.or(col(RecordingColumns.INDEX).equalTo(passing.getKey())
                        .and(cgroupId.isin(passing.getValue().toArray())));
            }
        }
        return passes;
    }

    private void build() {
        if (spans != null) {
            return;
        }
        Map<Integer, ProcessTimeline.Builder> builders = new HashMap<>();
        for (FleetRecording r : catalog.recordings()) {
            ProcessIndex processes = catalog.processes(r);
            if (!processes.isEmpty()) {
                builders.put(r.index(), new ProcessTimeline.Builder(processes));
            }
        }
        if (!builders.isEmpty()) {
            follow(builders);
        }
        List<Row> spanRows = new ArrayList<>();
        List<Row> serviceRows = new ArrayList<>();
        for (FleetRecording r : catalog.recordings()) {
            ProcessTimeline.Builder builder = builders.get(r.index());
            Recording recording = r.recording();
            ProcessTimeline timeline = builder == null ? recording.timeline() : builder.build();
            recording.follow(timeline);
            timelines.put(r.index(), timeline);
            EventFilter filter = EventFilter.of(catalog.filters(), recording);
            if (catalog.filters().readsCgroups()) {
                Set<Long> ids = new TreeSet<>(timeline.cgroupIds());
                ids.addAll(catalog.filters().cgroups());
                passingCgroups.put(r.index(), ids.stream().filter(filter::cgroupPasses).toList());
            }
            if (builder == null) {
                continue; // no snapshot: its processes have no spans to join
            }
            for (ProcessTimeline.Span s : timeline.spans()) {
                ProcessTimeline.Process p = s.process();
                spanRows.add(RowFactory.create(r.index(), spanRows.size(), s.pid(), s.fromNs(), s.toNs(), p.startNs(),
                        p.cmdline().length == 0 ? null : ProcessTimeline.joinedArgs(p.cmdline()), p.cgroupId(),
                        filter.processPasses(p), filter.targetPasses(p)));
            }
            for (long id : timeline.cgroupIds()) {
                String service = timeline.service(id).label();
                if (service != null) {
                    serviceRows.add(RowFactory.create(r.index(), id, service));
                }
            }
        }
        anySpan = !spanRows.isEmpty();
        spans = spark.createDataFrame(spanRows, new StructType()
                .add(RecordingColumns.INDEX, DataTypes.IntegerType, false)
                .add(SPAN, DataTypes.IntegerType, false)
                .add("pid", DataTypes.IntegerType, false)
                .add("from_ns", DataTypes.LongType, false)
                .add("to_ns", DataTypes.LongType, false)
                .add("life_start_ns", DataTypes.LongType, false)
                .add("cmdline", DataTypes.BinaryType, true)
                .add("life_cgroup", DataTypes.LongType, false)
                .add(PASSES, DataTypes.BooleanType, false)
                .add(TARGET_PASSES, DataTypes.BooleanType, false));
        services = spark.createDataFrame(serviceRows, new StructType()
                .add(RecordingColumns.INDEX, DataTypes.IntegerType, false)
                .add("cgroup_id", DataTypes.LongType, false)
                .add("service", DataTypes.StringType, false));
    }

    /**
     * Follows each timeline through its recording's procs events in recorded order (files by number, records as
     * each file holds them), as the analyzer's session does before it reads the other families.
     */
    private void follow(Map<Integer, ProcessTimeline.Builder> builders) {
        Set<Integer> named = builders.keySet();
        String[] fields = ProcEvent.getClassSchema().getFields().stream().map(f -> f.name()).toArray(String[]::new);
        Column[] columns = new Column[fields.length + 1];
        columns[0] = col(RecordingColumns.INDEX);
        for (int i = 0; i < fields.length; i++) {
            columns[i + 1] = col(fields[i]);
        }
        List<Row> events = procs()
                .where(col(RecordingColumns.INDEX).isin(named.toArray()))
                .orderBy(col(RecordingColumns.INDEX), col(FleetCatalog.FILE_SEQ),
                        col(FleetCatalog.RECORD_ORDER + ".block_start"), col(FleetCatalog.RECORD_ORDER + ".row"))
                .select(columns)
                .collectAsList();
        Map<Integer, Recording> recordings = new HashMap<>();
        for (Row row : events) {
            int index = row.getInt(0);
            builders.get(index).proc(recordings.computeIfAbsent(index, i -> catalog.recordings().get(i).recording()),
                    RowToAvro.<ProcEvent>record(row, ProcEvent.getClassSchema()));
        }
    }
}
