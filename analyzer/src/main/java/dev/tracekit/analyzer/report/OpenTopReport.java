package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.OpenTally;
import dev.tracekit.analyzer.aggregate.OpenTally.FileKey;
import dev.tracekit.analyzer.aggregate.ProcessKey;
import dev.tracekit.analyzer.aggregate.ProcessLives;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.util.List;
import java.util.function.Function;

/** {@code opens --top files|processes}: the most opened files, or the processes that opened most. */
public final class OpenTopReport {
    public enum By { files, processes }

    private final ReportContext context;
    private final List<Tally.Entry<FileKey>> files;
    private final List<Tally.Entry<ProcessKey>> processes;
    private final Function<ProcessKey, ProcessLives.Sighting> first;

    private OpenTopReport(ReportContext context, List<Tally.Entry<FileKey>> files,
            List<Tally.Entry<ProcessKey>> processes, Function<ProcessKey, ProcessLives.Sighting> first) {
        this.context = context;
        this.files = files;
        this.processes = processes;
        this.first = first;
    }

    /** By processes with the context's {@code --with} columns, when the tally has one row per process. */
    public static OpenTopReport of(ReportContext context, OpenTally tally, By by) {
        return by == By.files ? files(context, tally.files().top(false))
                : new OpenTopReport(context, null, tally.processes().top(false), tally.lives()::firstOf);
    }

    /** @param files files with their opens, most opened first, as {@code OpenTally} or a fleet's job gives them */
    public static OpenTopReport files(ReportContext context, List<Tally.Entry<FileKey>> files) {
        return new OpenTopReport(context, files, null, null);
    }

    /** @param processes processes with their opens, most first, as {@code OpenTally} or a fleet's job gives them */
    public static OpenTopReport processes(ReportContext context, List<Tally.Entry<ProcessKey>> processes) {
        return new OpenTopReport(context, null, processes, process -> null);
    }

    public void write(TableWriter out) {
        if (files != null) {
            FileTable.write(out, context, files, "top_files", null);
            return;
        }
        out.begin(new TableSpec("top_processes", null, context.processColumns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT)), false));
        for (Tally.Entry<ProcessKey> e : processes.subList(0, Math.min(context.limit(), processes.size()))) {
            out.row(context.processRow(e.key().recording(), first.apply(e.key()), (long) e.key().pid(),
                    e.key().comm().toArray(), e.total(), e.failed()));
        }
        out.end(Completeness.notes(context.shown(), r -> Family.OPENS));
    }
}
