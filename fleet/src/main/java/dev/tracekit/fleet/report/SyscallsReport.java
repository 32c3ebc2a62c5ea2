package dev.tracekit.fleet.report;

import static dev.tracekit.fleet.report.RowValues.bytes;
import static dev.tracekit.fleet.report.RowValues.named;
import static dev.tracekit.fleet.report.RowValues.number;
import static org.apache.spark.sql.functions.col;

import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.fleet.input.FleetRecording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** syscount's table after the fact: top rows, or each window's top rows with {@code --interval}. */
public final class SyscallsReport implements FleetReport {
    /**
     * @param windowNs width of the time windows, 0 for totals
     * @param latency  show latency columns (syscount -L)
     */
    public record Shape(SyscallGrouping grouping, long windowNs, boolean latency) {
    }

    private final Dataset<Row> figures;
    private final Shape shape;

    /** @param figures {@code TracekitFleet.syscalls} with the same grouping and window */
    public SyscallsReport(Dataset<Row> figures, Shape shape) {
        this.figures = figures;
        this.shape = shape;
    }

    @Override
    public Map<String, Dataset<Row>> tables() {
        return Map.of("syscalls", figures);
    }

    @Override
    public void write(TableWriter out, TableContext context) {
        boolean windows = shape.windowNs() > 0;
        List<Column> columns = new ArrayList<>();
        if (windows) {
            columns.add(new Column("TIME", "window_start_ns", ColumnKind.TIME));
        }
        if (shape.grouping().byProcess()) {
            columns.add(new Column("PID", "pid", ColumnKind.NUMBER));
            columns.add(new Column("COMM", "comm", ColumnKind.BYTES));
        }
        if (shape.grouping().bySyscall()) {
            columns.add(new Column("SYSCALL", "syscall", ColumnKind.NAMED));
        }
        columns.add(new Column("COUNT", "count", ColumnKind.COUNT));
        columns.add(new Column("ERRORS", "errors", ColumnKind.COUNT));
        if (windows) {
            columns.add(new Column("RATE/s", "rate_per_s", ColumnKind.COUNT));
        }
        if (shape.latency()) {
            columns.add(new Column("TOTAL_LAT", "latency_total_ns", ColumnKind.DURATION));
            columns.add(new Column("AVG_LAT", "latency_avg_ns", ColumnKind.DURATION));
        }
        columns.add(new Column("LOST", "lost", ColumnKind.COUNT));
        out.begin(new TableSpec("syscalls", null, context.columns(columns.toArray(Column[]::new)), false));
        List<Row> rows = windows ? figures.where(col("rank").leq(context.limit())).collectAsList() : context.top(figures);
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            if (windows) {
                values.add(context.recording(row).time(row.<Long>getAs("window_start_ns")));
            }
            if (shape.grouping().byProcess()) {
                values.add(number(row, "pid"));
                values.add(bytes(row, "comm"));
            }
            if (shape.grouping().bySyscall()) {
                values.add(named(row, "syscall"));
            }
            values.add(number(row, "count"));
            values.add(number(row, "errors"));
            if (windows) {
                values.add(number(row, "rate_per_s"));
            }
            if (shape.latency()) {
                values.add(number(row, "latency_total_ns"));
                values.add(number(row, "latency_avg_ns"));
            }
            values.add(number(row, "lost"));
            out.row(context.row(row, values.toArray()));
        }
        List<String> notes = new ArrayList<>(context.lossNotes(FleetRecording::syscallFamily));
        if (shape.latency() && !figures.where(col("latency_total_ns").isNull()).isEmpty()) {
            notes.add("latency shows '-' where it was not recorded (record with --latency)");
        }
        out.end(notes);
    }
}
