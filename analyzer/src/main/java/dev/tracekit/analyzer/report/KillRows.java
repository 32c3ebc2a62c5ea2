package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.SignalPairing;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.Named;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import java.util.EnumSet;
import java.util.Set;

/**
 * killsnoop/sigsnoop replayed: one row per signal, in recorded order, streamed to the writer. A sent signal is
 * one row, with what the kernel did with it as its FATE ({@link SignalPairing}).
 */
public final class KillRows implements RecordVisitor {
    private final ReportContext context;
    private final TableWriter out;
    private final ReplayLimit limit;
    private final SignalPairing pairing = new SignalPairing(this::row);

    public KillRows(ReportContext context, TableWriter out, Integer limit) {
        this.context = context;
        this.out = out;
        this.limit = new ReplayLimit(limit);
    }

    public void begin() {
        out.begin(new TableSpec("kills", null, context.eventColumns(
                new Column("!", "lost_nearby", ColumnKind.LOSS_MARKER, 1),
                new Column("TIME", "ts_ns", ColumnKind.TIME, 27),
                new Column("PID", "pid", ColumnKind.NUMBER, 7),
                new Column("COMM", "comm", ColumnKind.BYTES, 16),
                new Column("SIG", "signal", ColumnKind.NAMED, 12),
                new Column("TPID", "target_pid", ColumnKind.NUMBER, 7),
                new Column("TTID", "target_tid", ColumnKind.NUMBER, 7),
                new Column("TCOMM", "target_comm", ColumnKind.BYTES, 16),
                new Column("RESULT", "result", ColumnKind.NAMED, 9),
                new Column("FATE", "fate", ColumnKind.NAMED, 15),
                new Column("SYSCALL", "syscall", ColumnKind.NAMED, 14),
                new Column("TCMD", "target_cmdline", ColumnKind.BYTES)), true));
    }

    @Override
    public Set<OptionalField> reads() {
        // The pairing goes by sender thread; SERVICE and CGROUP by the sender's cgroup.
        return context.with().isEmpty() ? EnumSet.of(OptionalField.THREAD_AND_USER)
                : EnumSet.of(OptionalField.THREAD_AND_USER, OptionalField.CGROUP_AND_CPU);
    }

    @Override
    public void kill(Recording recording, KillEvent e) {
        pairing.kill(recording, e);
    }

    private void row(Recording recording, KillEvent e, int fate) {
        if (!limit.take()) {
            return;
        }
        EventHeader h = e.getHeader();
        // The target as it was at the signal (sigsnoop's TCOMM): a process group or -1 names no one process.
        ProcessTimeline.Process target = e.getTargetPid() <= 0 ? null
                : recording.timeline().at(e.getTargetPid(), h.getTsNs()).orElse(null);
        out.row(context.eventRow(recording, h,
                recording.losses().lostAround(Family.KILLS, h.getTsNs()),
                ReportContext.time(recording, h.getTsNs()),
                (long) h.getPid(), ReportContext.bytes(h.getComm()), Names.signal(e.getSignal()),
                (long) e.getTargetPid(), (long) e.getTargetTid(), target == null ? null : target.comm(),
                result(e), Names.signalFate(fate), Names.killSyscall(recording, e.getSyscall()),
                target == null ? null : ProcessTimeline.joinedArgs(target.cmdline())));
    }

    /** A signal the kernel raised itself was returned by no syscall: its result is its fate. */
    private static Named result(KillEvent e) {
        return e.getSyscall() == KillSyscall.SIGNAL_GENERATE ? null : Names.killResult(e);
    }

    @Override
    public boolean wantsMore() {
        return limit.more() && !out.broken();
    }

    public void end() {
        pairing.finish();
        out.end(Completeness.notes(context.shown(), r -> Family.KILLS));
    }
}
