package dev.tracekit.fleet.report;

import static dev.tracekit.fleet.report.RowValues.bytes;
import static dev.tracekit.fleet.report.RowValues.number;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.OpenTopReport.By;
import dev.tracekit.schema.Family;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code opens --top files|processes}: the most opened files, or the processes that opened most. */
public final class OpenTopReport implements FleetReport {
    private final Dataset<Row> listing;
    private final By by;

    /** @param listing {@code TracekitFleet.openedFiles()} or {@code openingProcesses()}, as {@code by} says */
    public OpenTopReport(Dataset<Row> listing, By by) {
        this.listing = listing;
        this.by = by;
    }

    private String name() {
        return by == By.files ? "top_files" : "top_processes";
    }

    @Override
    public Map<String, Dataset<Row>> tables() {
        return Map.of(name(), listing);
    }

    @Override
    public void write(TableWriter out, TableContext context) {
        if (by == By.files) {
            FilesTable.write(out, context, listing, name(), null);
        } else {
            out.begin(new TableSpec(name(), null, context.columns(
                    new Column("PID", "pid", ColumnKind.NUMBER),
                    new Column("COMM", "comm", ColumnKind.BYTES),
                    new Column("OPENS", "opens", ColumnKind.COUNT),
                    new Column("FAILED", "failed", ColumnKind.COUNT)), false));
            for (Row row : context.top(listing)) {
                out.row(context.row(row, number(row, "pid"), bytes(row, "comm"), number(row, "opens"),
                        number(row, "failed")));
            }
            out.end(context.lossNotes(r -> Family.OPENS));
        }
    }
}
