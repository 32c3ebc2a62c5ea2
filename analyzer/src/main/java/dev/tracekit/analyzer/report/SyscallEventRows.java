package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.Named;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.names.Errnos;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.SyscallEvent;

/** perf trace style replay: one row per syscall with its arguments, return value and duration. */
public final class SyscallEventRows implements RecordVisitor {
    private final ReportContext context;
    private final TableWriter out;
    private final ReplayLimit limit;

    public SyscallEventRows(ReportContext context, TableWriter out, Integer limit) {
        this.context = context;
        this.out = out;
        this.limit = new ReplayLimit(limit);
    }

    public void begin() {
        out.begin(new TableSpec("events", null, context.eventColumns(
                new Column("!", "lost_nearby", ColumnKind.LOSS_MARKER, 1),
                new Column("TIME", "ts_ns", ColumnKind.TIME, 27),
                new Column("PID", "pid", ColumnKind.NUMBER, 7),
                new Column("TID", "tid", ColumnKind.NUMBER, 7),
                new Column("COMM", "comm", ColumnKind.BYTES, 16),
                new Column("DURATION", "duration_ns", ColumnKind.DURATION, 10),
                new Column("SYSCALL", "syscall", ColumnKind.NAMED, 14),
                new Column("RET", "ret", ColumnKind.NUMBER, 6),
                new Column("ERRNO", "errno", ColumnKind.NAMED, 7),
                new Column("ARGS", "arg", ColumnKind.ARGS)), true));
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent e) {
        if (!limit.take()) {
            return;
        }
        EventHeader h = e.getHeader();
        int errno = Errnos.ofReturnValue(e.getRet());
        out.row(context.eventRow(recording, h,
                recording.losses().lostAround(Family.SYSCALL_EVENTS, h.getTsNs()),
                ReportContext.time(recording, h.getTsNs()),
                (long) h.getPid(), (long) h.getTid(), ReportContext.bytes(h.getComm()), e.getDurationNs(),
                Names.syscall(recording, e.getSyscall(), e.getAbi()), e.getRet(),
                errno == 0 ? null : new Named(errno, Errnos.name(errno)),
                new long[] {e.getArg0(), e.getArg1(), e.getArg2(), e.getArg3(), e.getArg4(), e.getArg5()}));
    }

    @Override
    public boolean wantsMore() {
        return limit.more() && !out.broken();
    }

    public void end() {
        out.end(Completeness.notes(context.shown(), r -> Family.SYSCALL_EVENTS));
    }
}
