package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.ProcEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * execsnoop and exitsnoop replayed: one row per exec, fork and process exit (and rename), in recorded order.
 * As exitsnoop, threads are left out unless asked for: their creation and the exits that do not end the
 * process. ARGS is an exec's command line, its arguments joined by spaces as execsnoop prints them (bytes as
 * they are, escaped by the renderer), with {@code ...} where arguments were left out or not recorded.
 */
public final class ProcRows implements RecordVisitor {
    /** What a replay shows: threads too, and at most this many arguments per exec (any number if negative). */
    public record Shown(boolean threads, int maxArgs) {
    }

    private static final byte[] MORE = " ...".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CORE_DUMPED = "(core dumped)".getBytes(StandardCharsets.US_ASCII);

    private final ReportContext context;
    private final TableWriter out;
    private final ReplayLimit limit;
    private final Shown shown;

    public ProcRows(ReportContext context, TableWriter out, Integer limit, Shown shown) {
        this.context = context;
        this.out = out;
        this.limit = new ReplayLimit(limit);
        this.shown = shown;
    }

    public void begin() {
        out.begin(new TableSpec("procs", null, context.eventColumns(
                new Column("!", "lost_nearby", ColumnKind.LOSS_MARKER, 1),
                new Column("TIME", "ts_ns", ColumnKind.TIME, 27),
                new Column("PID", "pid", ColumnKind.NUMBER, 7),
                new Column("TID", "tid", ColumnKind.NUMBER, 7),
                new Column("PPID", "ppid", ColumnKind.NUMBER, 7),
                new Column("UID", "uid", ColumnKind.NUMBER, 5),
                new Column("COMM", "comm", ColumnKind.BYTES, 16),
                new Column("EVENT", "event", ColumnKind.TEXT, 6),
                new Column("CHILD", "child_tid", ColumnKind.NUMBER, 7),
                new Column("CODE", "exit_code", ColumnKind.NUMBER, 4),
                new Column("SIG", "exit_signal", ColumnKind.NAMED, 8),
                new Column("ARGS", "args", ColumnKind.BYTES)), true));
    }

    @Override
    public void proc(Recording recording, ProcEvent e) {
        String event = event(e);
        if (event == null || !limit.take()) {
            return;
        }
        EventHeader h = e.getHeader();
        out.row(context.eventRow(recording, h,
                recording.losses().lostAround(Family.PROCS, h.getTsNs()),
                ReportContext.time(recording, h.getTsNs()),
                (long) h.getPid(), (long) h.getTid(), (long) e.getPpid(), h.getUid(), ReportContext.bytes(h.getComm()),
                event, ReportContext.number(e.getChildTid()), ReportContext.number(e.getExitCode()),
                e.getExitSignal() == null ? null : Names.signal(e.getExitSignal()), args(e)));
    }

    /** The EVENT column, or null for a row not shown. */
    private String event(ProcEvent e) {
        return switch (e.getKind()) {
            case EXEC -> "exec";
            case FORK -> !e.getChildIsThread() ? "fork" : shown.threads() ? "thread" : null;
            case EXIT -> e.getLastThread() || shown.threads() ? "exit" : null;
            case RENAME -> "rename";
            case CGROUP_MKDIR -> "cgroup";
            case UNKNOWN -> "?";
        };
    }

    private byte[] args(ProcEvent e) {
        return switch (e.getKind()) {
            case EXEC -> commandLine(e.getArgv(), e.getArgvTruncated());
            case EXIT -> Boolean.TRUE.equals(e.getCoreDumped()) ? CORE_DUMPED : null;
            case RENAME -> ReportContext.bytes(e.getNewComm());
            case CGROUP_MKDIR -> ReportContext.bytes(e.getCgroupPath());
            case FORK, UNKNOWN -> null;
        };
    }

    /** NUL-terminated arguments joined by spaces; the last may lack its NUL when the recording cut it. */
    private byte[] commandLine(ByteBuffer argv, boolean truncated) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int args = 0;
        boolean cut = truncated;
        boolean inArg = false;
        for (int i = argv.position(); i < argv.limit(); i++) {
            byte b = argv.get(i);
            if (!inArg) {
                if (shown.maxArgs() >= 0 && args == shown.maxArgs()) {
                    cut = true;
                    break;
                }
                if (args > 0) {
                    line.write(' ');
                }
                args++;
                inArg = true;
            }
            if (b == 0) {
                inArg = false;
            } else {
                line.write(b);
            }
        }
        if (cut) {
            line.writeBytes(MORE);
        }
        return line.toByteArray();
    }

    @Override
    public boolean wantsMore() {
        return limit.more() && !out.broken();
    }

    public void end() {
        out.end(Completeness.notes(context.shown(), r -> Family.PROCS));
    }
}
