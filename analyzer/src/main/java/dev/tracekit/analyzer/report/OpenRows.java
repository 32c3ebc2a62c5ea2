package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.OpenPaths;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.OpenEvent;

/**
 * opensnoop replayed: one row per open, in recorded order, streamed to the writer. The first column marks
 * opens from an interval in which the recording lost opens. PATH is the full path where the recording has it
 * (opensnoop -F), or the path as passed.
 */
public final class OpenRows implements RecordVisitor {
    private final ReportContext context;
    private final TableWriter out;
    private final ReplayLimit limit;
    private final boolean rawPath;

    /** @param rawPath show the path as passed, not the full path */
    public OpenRows(ReportContext context, TableWriter out, Integer limit, boolean rawPath) {
        this.context = context;
        this.out = out;
        this.limit = new ReplayLimit(limit);
        this.rawPath = rawPath;
    }

    public void begin() {
        out.begin(new TableSpec("opens", null, context.eventColumns(
                new Column("!", "lost_nearby", ColumnKind.LOSS_MARKER, 1),
                new Column("TIME", "ts_ns", ColumnKind.TIME, 27),
                new Column("PID", "pid", ColumnKind.NUMBER, 7),
                new Column("TID", "tid", ColumnKind.NUMBER, 7),
                new Column("UID", "uid", ColumnKind.NUMBER, 5),
                new Column("COMM", "comm", ColumnKind.BYTES, 16),
                new Column("FD", "fd", ColumnKind.NUMBER, 4),
                new Column("ERR", "errno", ColumnKind.NAMED, 7),
                new Column("FLAGS", "flags", ColumnKind.NAMED, 28),
                new Column("PATH", "path", ColumnKind.BYTES)), true));
    }

    @Override
    public void open(Recording recording, OpenEvent e) {
        if (!limit.take()) {
            return;
        }
        EventHeader h = e.getHeader();
        int result = e.getResult();
        out.row(context.eventRow(recording, h,
                recording.losses().lostAround(Family.OPENS, h.getTsNs()),
                ReportContext.time(recording, h.getTsNs()),
                (long) h.getPid(), (long) h.getTid(), h.getUid(), ReportContext.bytes(h.getComm()),
                (long) (result < 0 ? -1 : result), Names.errno(result < 0 ? -result : 0),
                Names.openFlags(recording, e.getFlags()), ReportContext.bytes(rawPath ? e.getPath() : OpenPaths.shown(e))));
    }

    @Override
    public boolean wantsMore() {
        return limit.more() && !out.broken();
    }

    public void end() {
        out.end(Completeness.notes(context.shown(), r -> Family.OPENS));
    }
}
