package dev.tracekit.fleet.report;

import static dev.tracekit.fleet.report.RowValues.bytes;
import static dev.tracekit.fleet.report.RowValues.number;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The most opened files: a section of the summary and the table of {@code opens --top files}. */
final class FilesTable {
    private FilesTable() {
    }

    static void write(TableWriter out, TableContext context, Dataset<Row> files, String name, String title) {
        out.begin(new TableSpec(name, title, context.columns(
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT),
                new Column("PATH", "path", ColumnKind.BYTES)), false));
        for (Row row : context.top(files)) {
            out.row(context.row(row, number(row, "opens"), number(row, "failed"), bytes(row, "path")));
        }
        out.end(context.lossNotes(r -> Family.OPENS));
    }
}
