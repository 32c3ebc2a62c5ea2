package dev.tracekit.fleet.report;

import static dev.tracekit.fleet.report.RowValues.bytes;
import static dev.tracekit.fleet.report.RowValues.named;
import static dev.tracekit.fleet.report.RowValues.number;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Signals by sender, target and signal: a section of the summary and the table of {@code kills --top}. */
final class SignalsTable {
    private SignalsTable() {
    }

    static void write(TableWriter out, TableContext context, Dataset<Row> signals, String name, String title) {
        out.begin(new TableSpec(name, title, context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("TPID", "target_pid", ColumnKind.NUMBER),
                new Column("SIG", "signal", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT)), false));
        for (Row row : context.top(signals)) {
            out.row(context.row(row, number(row, "pid"), bytes(row, "comm"), number(row, "target_pid"),
                    named(row, "signal"), number(row, "count"), number(row, "failed")));
        }
        out.end(context.lossNotes(r -> Family.KILLS));
    }
}
