package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.FailureTally;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallRow;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.aggregate.TopTally;
import dev.tracekit.analyzer.input.Losses;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.List;

/**
 * {@code tracekit top}'s tables, each cut to the context's limit: top syscalls, processes by syscalls (with their
 * service and command line), failed opens by path and errno, signals sent, and events recorded and lost per family.
 */
public final class TopReport {
    /**
     * Who a process row is beyond its pid and name, as a replay's {@code --with service,cmd} shows it at the row's
     * first call; CMD last, so that a narrow screen cuts only the command line.
     */
    private static final List<ContextColumn> PROCESS_CONTEXT = List.of(ContextColumn.SERVICE, ContextColumn.CMD);

    private final ReportContext context;
    private final TopTally tally;
    private final SyscallSource source;
    private final SyscallOrder order;

    /** @param order count or errors: what syscalls and processes are ranked by (failed opens by count always) */
    public TopReport(ReportContext context, TopTally tally, SyscallSource source, SyscallOrder order) {
        this.context = context;
        this.tally = tally;
        this.source = source;
        this.order = order;
    }

    public void write(TableWriter out) {
        List<SyscallRow> syscalls = tally.syscalls().rows(SyscallGrouping.SYSCALL, order);
        out.begin(new TableSpec("top_syscalls", "Syscalls", context.columns(
                new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("ERRORS", "errors", ColumnKind.COUNT)), false));
        for (SyscallRow row : top(syscalls)) {
            out.row(context.row(row.recording(), Names.syscall(context.recording(row.recording()), row.syscall()),
                    row.stats().count(), row.stats().errors()));
        }
        out.end(Completeness.notes(context.shown(), source::family));

        List<SyscallRow> processes = tally.syscalls().rows(SyscallGrouping.PROCESS, order);
        ReportContext named = context.withColumns(PROCESS_CONTEXT);
        out.begin(new TableSpec("top_processes", "Processes", named.processColumns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("SYSCALLS", "syscalls", ColumnKind.COUNT),
                new Column("ERRORS", "errors", ColumnKind.COUNT)), false));
        for (SyscallRow row : top(processes)) {
            out.row(named.processRow(row.recording(), tally.firstCall(row), (long) row.pid(), row.comm().toArray(),
                    row.stats().count(), row.stats().errors()));
        }
        out.end(List.of());

        List<Tally.Entry<FailureTally.PathErrno>> failed = tally.failedOpens().top(true);
        out.begin(new TableSpec("failed_opens", "Failed opens", context.columns(
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("ERR", "errno", ColumnKind.NAMED),
                new Column("PATH", "path", ColumnKind.BYTES)), false));
        for (Tally.Entry<FailureTally.PathErrno> e : failed.subList(0, Math.min(context.limit(), failed.size()))) {
            out.row(context.row(e.key().recording(), e.failed(), Names.errno(e.key().errno()), e.key().path().toArray()));
        }
        out.end(Completeness.notes(context.shown(), r -> Family.OPENS));

        SignalTable.write(out, context, tally.kills().signals().top(false), "signals", "Signals",
                tally.kills().lives()::firstOf);

        out.begin(new TableSpec("losses", "Events recorded and lost", context.columns(
                new Column("FAMILY", "family", ColumnKind.TEXT),
                new Column("RECORDED", "recorded", ColumnKind.COUNT),
                new Column("LOST", "lost", ColumnKind.COUNT)), false));
        for (Recording recording : context.shown()) {
            Losses losses = recording.losses();
            for (RecordingStream stream : RecordingStream.values()) {
                if (stream.family().isPresent() && recording.has(stream)) {
                    Family family = stream.family().get();
                    out.row(context.row(recording.index(), stream.prefix(), losses.written(family), losses.lost(family)));
                }
            }
        }
        out.end(List.of());
    }

    private List<SyscallRow> top(List<SyscallRow> rows) {
        return rows.subList(0, Math.min(context.limit(), rows.size()));
    }
}
