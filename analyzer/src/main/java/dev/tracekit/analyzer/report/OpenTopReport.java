package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.OpenTally;
import dev.tracekit.analyzer.aggregate.ProcessKey;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.util.List;

/** {@code opens --top files|processes}: the most opened files, or the processes that opened most. */
public final class OpenTopReport {
    public enum By { files, processes }

    private final ReportContext context;
    private final OpenTally tally;

    public OpenTopReport(ReportContext context, OpenTally tally) {
        this.context = context;
        this.tally = tally;
    }

    public void write(TableWriter out, By by) {
        if (by == By.files) {
            out.begin(new TableSpec("top_files", null, context.columns(
                    new Column("OPENS", "opens", ColumnKind.COUNT),
                    new Column("FAILED", "failed", ColumnKind.COUNT),
                    new Column("PATH", "path", ColumnKind.BYTES)), false));
            List<Tally.Entry<OpenTally.FileKey>> rows = tally.files().top(false);
            for (Tally.Entry<OpenTally.FileKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
                out.row(context.row(e.key().recording(), e.total(), e.failed(), e.key().path().toArray()));
            }
        } else {
            out.begin(new TableSpec("top_processes", null, context.columns(
                    new Column("PID", "pid", ColumnKind.NUMBER),
                    new Column("COMM", "comm", ColumnKind.BYTES),
                    new Column("OPENS", "opens", ColumnKind.COUNT),
                    new Column("FAILED", "failed", ColumnKind.COUNT)), false));
            List<Tally.Entry<ProcessKey>> rows = tally.processes().top(false);
            for (Tally.Entry<ProcessKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
                out.row(context.row(e.key().recording(), (long) e.key().pid(), e.key().comm().toArray(), e.total(),
                        e.failed()));
            }
        }
        out.end(Completeness.notes(context.shown(), r -> Family.OPENS));
    }
}
