package dev.tracekit.fleet.report;

import static org.apache.spark.sql.functions.col;

import dev.tracekit.analyzer.aggregate.ByteString;
import dev.tracekit.analyzer.aggregate.ContextTally;
import dev.tracekit.analyzer.aggregate.KillTally.SignalKey;
import dev.tracekit.analyzer.aggregate.OpenTally.ErrnoKey;
import dev.tracekit.analyzer.aggregate.OpenTally.FileKey;
import dev.tracekit.analyzer.aggregate.ProcessActivity;
import dev.tracekit.analyzer.aggregate.SyscallRow;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.input.Families;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.KillRows;
import dev.tracekit.analyzer.report.KillTopReport;
import dev.tracekit.analyzer.report.OpenRows;
import dev.tracekit.analyzer.report.OpenTopReport;
import dev.tracekit.analyzer.report.OpenTopReport.By;
import dev.tracekit.analyzer.report.ReportContext;
import dev.tracekit.analyzer.report.SummaryReport;
import dev.tracekit.analyzer.report.SyscallEventRows;
import dev.tracekit.analyzer.report.SyscallsReport;
import dev.tracekit.fleet.FleetSummary;
import dev.tracekit.fleet.analysis.Replays;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.schema.Family;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The fleet verbs' results handed to the analyzer's reports: the Spark tables collected (only the rows a
 * listing shows) into the analyzer's result types, so both print through one definition of every table.
 */
public final class FleetReports {
    private FleetReports() {
    }

    private static FleetReport of(Map<String, Dataset<Row>> tables, BiConsumer<TableWriter, ReportContext> write) {
        return new FleetReport() {
            @Override
            public Map<String, Dataset<Row>> tables() {
                return tables;
            }

            @Override
            public void write(TableWriter out, ReportContext context) {
                write.accept(out, context);
            }
        };
    }

    /** The analyzer's view of the recordings, and of those shown (the ones {@code --host} lets through). */
    public static ReportContext context(List<FleetRecording> recordings, List<FleetRecording> shown, int limit) {
        List<Recording> all = recordings.stream().map(FleetRecording::recording).toList();
        return new ReportContext(all, shown.stream().map(r -> all.get(r.index())).toList(), limit);
    }

    /** Each recording's syscall family, as the run chose it ({@link FleetRecording#syscallFamily()}). */
    public static Function<Recording, Family> syscallFamilies(List<FleetRecording> recordings) {
        return r -> recordings.get(r.index()).syscallFamily();
    }

    /** The first rows of a listing, as many as it may show, converted. */
    private static <T> List<T> top(Dataset<Row> listing, ReportContext context, Function<Row, T> convert) {
        return listing.limit(context.limit()).collectAsList().stream().map(convert).toList();
    }

    /** {@code kills --top}: signals by sender, target and signal. */
    public static FleetReport killTop(Dataset<Row> signals) {
        return of(Map.of("signals", signals), (out, context) -> new KillTopReport(context,
                top(signals, context, new ResultRows(context.recordings())::signal)).write(out));
    }

    /** {@code opens} without {@code --top}: opensnoop replayed, the analyzer's rows over the fleet's merged records. */
    public static FleetReport openReplay(Replays replays, Integer limit) {
        Dataset<Row> records = replays.opens();
        return of(Map.of("opens", records), (out, context) -> {
            OpenRows rows = new OpenRows(replayContext(replays, context), out, limit, false);
            rows.begin();
            replays.replay(Families.OPENS, records, limit, rows);
            rows.end();
        });
    }

    /** {@code kills} without {@code --top}: sigsnoop replayed, a send paired with the kernel's records of it. */
    public static FleetReport killReplay(Replays replays, Integer limit) {
        Dataset<Row> records = replays.kills();
        return of(Map.of("kills", records), (out, context) -> {
            replays.followProcesses(); // TCOMM of a target forked during the recording
            KillRows rows = new KillRows(replayContext(replays, context), out, limit);
            rows.begin();
            replays.replay(Families.KILLS, records, limit, rows);
            rows.end();
        });
    }

    /** {@code events}: the per-event syscall records replayed, the analyzer's rows over the fleet's merged records. */
    public static FleetReport eventReplay(Replays replays, Integer limit) {
        Dataset<Row> records = replays.syscallEvents();
        return of(Map.of("events", records), (out, context) -> {
            SyscallEventRows rows = new SyscallEventRows(replayContext(replays, context), out, limit);
            rows.begin();
            replays.replay(Families.SYSCALL_EVENTS, records, limit, rows);
            rows.end();
        });
    }

    /** A replay's rows ask each recording for its intervals (losses around a record): the replays' recordings. */
    private static ReportContext replayContext(Replays replays, ReportContext context) {
        List<Recording> all = replays.recordings();
        return new ReportContext(all, context.shown().stream().map(r -> all.get(r.index())).toList(), Integer.MAX_VALUE);
    }

    /** {@code opens --top files|processes}, from {@code openedFiles()} or {@code openingProcesses()} as {@code by} says. */
    public static FleetReport openTop(Dataset<Row> listing, By by) {
        return of(Map.of(by == By.files ? "top_files" : "top_processes", listing), (out, context) -> {
            ResultRows rows = new ResultRows(context.recordings());
            (by == By.files ? OpenTopReport.files(context, top(listing, context, rows::file))
                    : OpenTopReport.processes(context, top(listing, context, rows::openingProcess))).write(out);
        });
    }

    /**
     * {@code syscalls}: the figures of {@code TracekitFleet.syscalls} with the shape's grouping, order and window.
     *
     * @param families each recording's syscall family ({@link #syscallFamilies})
     */
    public static FleetReport syscalls(Dataset<Row> figures, SyscallsReport.Shape shape,
            Function<Recording, Family> families) {
        return of(Map.of("syscalls", figures), (out, context) -> {
            ResultRows rows = new ResultRows(context.recordings());
            long windowNs = shape.windowNs();
            List<Row> shown = windowNs > 0 ? figures.where(col("rank").leq(context.limit())).collectAsList()
                    : figures.limit(context.limit()).collectAsList();
            Map<String, Long> windowLost = new HashMap<>();
            List<SyscallRow> converted = shown.stream().map(row -> {
                Recording r = context.recordings().get(rows.recording(row));
                if (windowNs > 0) {
                    windowLost.put(r.index() + "/" + row.<Long>getAs("window_start_ns"), row.<Long>getAs("lost"));
                }
                return rows.syscall(row, r.startBootNs().orElse(0), windowNs);
            }).toList();
            new SyscallsReport(context, new SyscallsReport.Results() {
                @Override
                public List<SyscallRow> rows() {
                    return converted;
                }

                @Override
                public Family family(Recording r) {
                    return families.apply(r);
                }

                @Override
                public long lostBetween(Recording r, long fromNs, long toNs) {
                    return windowLost.getOrDefault(r.index() + "/" + fromNs, 0L);
                }

                @Override
                public boolean latencyMissing() {
                    return !figures.where(col("latency_total_ns").isNull()).isEmpty();
                }
            }, shape).write(out);
        });
    }

    /**
     * The summary's sections.
     *
     * @param families each recording's syscall family ({@link #syscallFamilies})
     */
    public static FleetReport summary(FleetSummary summary, Function<Recording, Family> families) {
        return of(summary.sections(), (out, context) -> {
            ResultRows rows = new ResultRows(context.recordings());
            Map<String, Long> matched = new HashMap<>();
            for (Row row : summary.families().collectAsList()) {
                matched.put(row.<String>getAs("recording_id") + "/" + row.<String>getAs("family"),
                        row.<Long>getAs("matched"));
            }
            List<SyscallRow> syscalls = top(summary.topSyscalls(), context, row -> rows.syscall(row, 0, 0));
            List<ProcessActivity> processes = top(summary.topProcesses(), context, rows::activity);
            List<ContextTally.Activity<ByteString>> commands = top(summary.topCommands(), context, rows::command);
            List<ContextTally.Activity<String>> services = top(summary.topServices(), context, rows::service);
            List<Tally.Entry<FileKey>> files = top(summary.topFiles(), context, rows::file);
            List<Tally.Entry<ErrnoKey>> failedOpens = top(summary.failedOpens(), context, rows::failedOpen);
            List<Tally.Entry<SignalKey>> signals = top(summary.signals(), context, rows::signal);
            new SummaryReport(context, new SummaryReport.Results() {
                /** Spans come from the interval statistics; the fleet does not track events' own span. */
                @Override
                public OptionalLong firstEvent(Recording r) {
                    return OptionalLong.empty();
                }

                @Override
                public OptionalLong lastEvent(Recording r) {
                    return OptionalLong.empty();
                }

                @Override
                public Family syscallFamily(Recording r) {
                    return families.apply(r);
                }

                @Override
                public long matched(Recording r, Family family) {
                    Long n = matched.get(r.meta().recordingId() + "/"
                            + family.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    return n == null ? 0 : n;
                }

                /**
                 * Not known here: the fleet's jobs count records after the filters only, so COMPLETE stays the
                 * recorder's own figure (the analyzer's counts what it could not read too).
                 */
                @Override
                public long unreadable(Recording r, Family family) {
                    return 0;
                }

                @Override
                public List<SyscallRow> syscalls() {
                    return syscalls;
                }

                @Override
                public List<ProcessActivity> processes() {
                    return processes;
                }

                @Override
                public List<ContextTally.Activity<ByteString>> commands() {
                    return commands;
                }

                @Override
                public List<ContextTally.Activity<String>> services() {
                    return services;
                }

                @Override
                public List<Tally.Entry<FileKey>> files() {
                    return files;
                }

                @Override
                public List<Tally.Entry<ErrnoKey>> failedOpens() {
                    return failedOpens;
                }

                @Override
                public List<Tally.Entry<SignalKey>> signals() {
                    return signals;
                }
            }).write(out);
        });
    }
}
