package dev.tracekit.fleet.report;

import static dev.tracekit.fleet.report.RowValues.bytes;
import static dev.tracekit.fleet.report.RowValues.named;
import static dev.tracekit.fleet.report.RowValues.number;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.fleet.FleetSummary;
import dev.tracekit.fleet.input.FleetRecording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The summary's sections with the analyzer's headings, columns and notes. */
public final class SummaryReport implements FleetReport {
    private final FleetSummary summary;

    public SummaryReport(FleetSummary summary) {
        this.summary = summary;
    }

    @Override
    public Map<String, Dataset<Row>> tables() {
        return summary.sections();
    }

    @Override
    public void write(TableWriter out, TableContext context) {
        recordings(out, context);
        families(out, context);
        topSyscalls(out, context);
        topProcesses(out, context);
        FilesTable.write(out, context, summary.topFiles(), "top_files", "Top opened files");
        failedOpens(out, context);
        SignalsTable.write(out, context, summary.signals(), "signals", "Signals sent (sender -> target)");
    }

    private static void begin(TableWriter out, String name, String title, List<Column> columns) {
        out.begin(new TableSpec(name, title, columns, false));
    }

    private void recordings(TableWriter out, TableContext context) {
        begin(out, "recordings", "Recordings", List.of(
                new Column("HOST", "host", ColumnKind.TEXT),
                new Column("KERNEL", "kernel_release", ColumnKind.TEXT),
                new Column("ARCH", "arch", ColumnKind.TEXT),
                new Column("START", "start_ns", ColumnKind.TIME),
                new Column("END", "end_ns", ColumnKind.TIME),
                new Column("RECORDING", "recording_id", ColumnKind.TEXT)));
        for (Row row : summary.recordings().collectAsList()) {
            FleetRecording r = context.recording(row);
            Long start = number(row, "start_ns");
            Long end = number(row, "end_ns");
            out.row(Arrays.asList(r.host(), row.<String>getAs("kernel_release"), row.<String>getAs("arch"),
                    start == null ? null : r.time(start), end == null ? null : r.time(end), r.meta().recordingId()));
        }
        out.end(List.of());
    }

    /** RECORDED and LOST from the recorder's interval statistics; MATCHED is what this run read. */
    private void families(TableWriter out, TableContext context) {
        begin(out, "families", "Events per family", List.of(
                new Column("HOST", "host", ColumnKind.TEXT),
                new Column("FAMILY", "family", ColumnKind.TEXT),
                new Column("RECORDED", "recorded", ColumnKind.COUNT),
                new Column("LOST", "lost", ColumnKind.COUNT),
                new Column("COMPLETE", "completeness_pct", ColumnKind.PERCENT),
                new Column("MATCHED", "matched", ColumnKind.COUNT)));
        for (Row row : summary.families().collectAsList()) {
            out.row(Arrays.asList(row.<String>getAs("host"), row.<String>getAs("family"), number(row, "recorded"),
                    number(row, "lost"), row.<Double>getAs("completeness_pct"), number(row, "matched")));
        }
        List<String> notes = new ArrayList<>();
        for (FleetRecording r : context.recordings()) {
            if (r.facts().countOverflows() > 0) {
                notes.add(r.host() + ": " + String.format(Locale.ROOT, "%,d", r.facts().countOverflows())
                        + " syscalls not counted because the in-kernel count map was full");
            }
        }
        out.end(notes);
    }

    private void topSyscalls(TableWriter out, TableContext context) {
        begin(out, "top_syscalls", "Top syscalls", context.columns(
                new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("ERRORS", "errors", ColumnKind.COUNT)));
        for (Row row : context.top(summary.topSyscalls())) {
            out.row(context.row(row, named(row, "syscall"), number(row, "count"), number(row, "errors")));
        }
        out.end(context.lossNotes(FleetRecording::syscallFamily));
    }

    private void topProcesses(TableWriter out, TableContext context) {
        begin(out, "top_processes", "Top processes", context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("SYSCALLS", "syscalls", ColumnKind.COUNT),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("SIGNALS", "signals_sent", ColumnKind.COUNT)));
        for (Row row : context.top(summary.topProcesses())) {
            out.row(context.row(row, number(row, "pid"), bytes(row, "comm"), number(row, "syscalls"),
                    number(row, "opens"), number(row, "signals_sent")));
        }
        out.end(List.of());
    }

    private void failedOpens(TableWriter out, TableContext context) {
        begin(out, "failed_opens", "Failed opens by errno", context.columns(
                new Column("ERRNO", "errno", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT)));
        for (Row row : context.top(summary.failedOpens())) {
            out.row(context.row(row, named(row, "errno"), number(row, "count")));
        }
        out.end(List.of());
    }
}
