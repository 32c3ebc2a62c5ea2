package dev.tracekit.fleet;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.fleet.analysis.ActivityFigures;
import dev.tracekit.fleet.analysis.ContextFigures;
import dev.tracekit.fleet.analysis.EventPredicates;
import dev.tracekit.fleet.analysis.NameFunctions;
import dev.tracekit.fleet.analysis.OpenFigures;
import dev.tracekit.fleet.analysis.ProcFigures;
import dev.tracekit.fleet.analysis.ProcessContext;
import dev.tracekit.fleet.analysis.RecordingFigures;
import dev.tracekit.fleet.analysis.Replays;
import dev.tracekit.fleet.analysis.SignalFigures;
import dev.tracekit.fleet.analysis.SyscallFigures;
import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetRecording;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * tracekit's analyses over recordings of many hosts, for a Spark shell or notebook and for the
 * {@code fleet} verbs:
 *
 * <pre>{@code
 * TracekitFleet fleet = TracekitFleet.open(spark, "hdfs:///traces/2026-11-02");
 * fleet.summary().topSyscalls().show();
 * fleet.syscalls(SyscallGrouping.PROCESS_SYSCALL, SyscallOrder.COUNT, 10_000_000_000L).show();
 * }</pre>
 *
 * Every method returns a lazy Spark table, complete and ordered as the analyzer orders that listing.
 * Opening reads each file's header and the interval statistics; the event streams are read by the tables.
 */
public final class TracekitFleet {
    private final FleetCatalog catalog;
    private final SyscallFigures syscalls;
    private final OpenFigures opens;
    private final SignalFigures signals;
    private final ActivityFigures activity;
    private final ContextFigures context;
    private final RecordingFigures recordingFigures;
    private final Replays replays;

    private TracekitFleet(SparkSession spark, FleetCatalog catalog) {
        NameFunctions names = NameFunctions.register(spark);
        ProcessContext processes = ProcessContext.of(spark, catalog);
        EventPredicates filters = EventPredicates.of(catalog, processes);
        ProcFigures procs = new ProcFigures(processes, filters);
        this.catalog = catalog;
        this.syscalls = new SyscallFigures(catalog, names, processes, filters);
        this.opens = new OpenFigures(catalog, names, processes, filters);
        this.signals = new SignalFigures(catalog, names, processes, filters);
        this.activity = new ActivityFigures(syscalls, opens, signals);
        this.context = new ContextFigures(processes, syscalls, opens, signals, procs);
        this.recordingFigures = new RecordingFigures(spark, catalog, syscalls, opens, signals, procs);
        this.replays = new Replays(catalog, filters, processes);
    }

    /** @param paths recording directories (searched recursively) and .avro files: local paths or any Hadoop URI */
    public static TracekitFleet open(SparkSession spark, String... paths) {
        return open(spark, List.of(paths));
    }

    public static TracekitFleet open(SparkSession spark, List<String> paths) {
        return open(spark, FilterSpec.none(), paths);
    }

    /**
     * Every table then holds only the records the filters let through, as the analyzer's filters select them
     * ({@code FilterOptions.toSpec()} makes them from the analyzer's options).
     *
     * @throws TracekitException (bad input) for a time offset on a recording without a known start
     */
    public static TracekitFleet open(SparkSession spark, FilterSpec filters, List<String> paths) {
        return new TracekitFleet(spark, FleetCatalog.open(spark, paths, filters));
    }

    /** The recordings found, ordered by host and recording id, with their header and interval facts. */
    public List<FleetRecording> recordings() {
        return catalog.recordings();
    }

    /** The filters the tables apply. */
    public FilterSpec filters() {
        return catalog.filters();
    }

    /** The recordings {@code --host} lets through: the results' recordings. */
    public List<FleetRecording> shown() {
        return catalog.recordings().stream().filter(catalog::shown).toList();
    }

    /** Files found but not used (not a recording's, unreadable header). */
    public List<String> warnings() {
        return catalog.warnings();
    }

    /** False when recording files could not be read, so results miss them. */
    public boolean complete() {
        return catalog.complete();
    }

    public FleetSummary summary() {
        return new FleetSummary(recordingFigures.recordings(), recordingFigures.families(),
                syscalls(SyscallGrouping.SYSCALL, SyscallOrder.COUNT, 0), activity.processes(), context.commands(),
                context.services(), opens.files(), opens.failedByErrno(), signals.signals());
    }

    /**
     * Syscall figures per host and syscall, process or both; with {@code windowNs > 0} a time series of
     * windows from each recording's start, with a {@code rank} per window.
     */
    public Dataset<Row> syscalls(SyscallGrouping grouping, SyscallOrder order, long windowNs) {
        return syscalls.figures(grouping, order, windowNs);
    }

    /** Opens per file and host. */
    public Dataset<Row> openedFiles() {
        return opens.files();
    }

    /** Opens per process and host. */
    public Dataset<Row> openingProcesses() {
        return opens.processes();
    }

    /** Failed opens per errno and host. */
    public Dataset<Row> failedOpens() {
        return opens.failedByErrno();
    }

    /** The records of the replays (opens, per-event syscalls) in the analyzer's merged time order. */
    public Replays replays() {
        return replays;
    }

    /** Signals by sender, target and signal. */
    public Dataset<Row> signals() {
        return signals.signals();
    }
}
