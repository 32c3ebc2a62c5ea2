package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.OpenTally;
import dev.tracekit.analyzer.aggregate.OpenTally.FileKey;
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
    private final List<Tally.Entry<FileKey>> files;
    private final List<Tally.Entry<ProcessKey>> processes;

    private OpenTopReport(ReportContext context, List<Tally.Entry<FileKey>> files,
            List<Tally.Entry<ProcessKey>> processes) {
        this.context = context;
        this.files = files;
        this.processes = processes;
    }

    public static OpenTopReport of(ReportContext context, OpenTally tally, By by) {
        return by == By.files ? files(context, tally.files().top(false)) : processes(context, tally.processes().top(false));
    }

    /** @param files files with their opens, most opened first, as {@code OpenTally} or a fleet's job gives them */
    public static OpenTopReport files(ReportContext context, List<Tally.Entry<FileKey>> files) {
        return new OpenTopReport(context, files, null);
    }

    /** @param processes processes with their opens, most first, as {@code OpenTally} or a fleet's job gives them */
    public static OpenTopReport processes(ReportContext context, List<Tally.Entry<ProcessKey>> processes) {
        return new OpenTopReport(context, null, processes);
    }

    public void write(TableWriter out) {
        if (files != null) {
            FileTable.write(out, context, files, "top_files", null);
            return;
        }
        out.begin(new TableSpec("top_processes", null, context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT)), false));
        for (Tally.Entry<ProcessKey> e : processes.subList(0, Math.min(context.limit(), processes.size()))) {
            out.row(context.row(e.key().recording(), (long) e.key().pid(), e.key().comm().toArray(), e.total(),
                    e.failed()));
        }
        out.end(Completeness.notes(context.shown(), r -> Family.OPENS));
    }
}
