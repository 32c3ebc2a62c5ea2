package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.OpenTally.FileKey;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.util.List;

/** The most opened files: a section of the summary and the table of {@code opens --top files}. */
final class FileTable {
    private FileTable() {
    }

    /** @param rows files with their opens, most opened first (the first {@code context.limit()} are shown) */
    static void write(TableWriter out, ReportContext context, List<Tally.Entry<FileKey>> rows, String name,
            String title) {
        out.begin(new TableSpec(name, title, context.columns(
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT),
                new Column("PATH", "path", ColumnKind.BYTES)), false));
        for (Tally.Entry<FileKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(e.key().recording(), e.total(), e.failed(), e.key().path().toArray()));
        }
        out.end(Completeness.notes(context.shown(), r -> Family.OPENS));
    }
}
