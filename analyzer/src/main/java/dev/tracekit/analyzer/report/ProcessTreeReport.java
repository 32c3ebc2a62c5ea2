package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The process tree at a moment, as pstree draws it: every process alive then (started, not yet exited), each under
 * its parent, children by pid; a process whose parent is not known to be alive starts a tree of its own. From the
 * recording's process snapshots followed through its procs events ({@link ProcessTimeline}).
 */
public final class ProcessTreeReport {
    private static final byte[] INDENT = {' ', ' '};

    private final ReportContext context;
    private final ToLongFunction<Recording> moment;

    /** @param moment the boot-clock time of each recording to draw the tree at */
    public ProcessTreeReport(ReportContext context, ToLongFunction<Recording> moment) {
        this.context = context;
        this.moment = moment;
    }

    public void write(TableWriter out) {
        out.begin(new TableSpec("process_tree", null, context.columns(
                new Column("AT", "at_ns", ColumnKind.TIME, 27),
                new Column("PID", "pid", ColumnKind.NUMBER, 7),
                new Column("PPID", "ppid", ColumnKind.NUMBER, 7),
                new Column("UID", "uid", ColumnKind.NUMBER, 5),
                new Column("START", "start_ns", ColumnKind.TIME, 27),
                new Column("DEPTH", "depth", ColumnKind.NUMBER, 5),
                new Column("SERVICE", "service", ColumnKind.TEXT, 24),
                new Column("TREE", "comm", ColumnKind.BYTES, 24),
                new Column("CMD", "cmdline", ColumnKind.BYTES)), false));
        for (Recording recording : context.shown()) {
            long at = moment.applyAsLong(recording);
            List<ProcessTimeline.Process> alive = recording.timeline().aliveAt(at);
            Set<Integer> pids = new HashSet<>();
            alive.forEach(p -> pids.add(p.pid()));
            Map<Integer, List<ProcessTimeline.Process>> children = new HashMap<>();
            List<ProcessTimeline.Process> roots = new ArrayList<>();
            for (ProcessTimeline.Process p : alive) { // by pid already
                if (p.ppid() != p.pid() && pids.contains(p.ppid())) {
                    children.computeIfAbsent(p.ppid(), ppid -> new ArrayList<>()).add(p);
                } else {
                    roots.add(p);
                }
            }
            roots.sort(Comparator.comparingInt(ProcessTimeline.Process::pid));
            for (ProcessTimeline.Process root : roots) {
                draw(out, recording, at, root, 0, children);
            }
        }
        out.end(List.of());
    }

    private void draw(TableWriter out, Recording recording, long at, ProcessTimeline.Process p, int depth,
            Map<Integer, List<ProcessTimeline.Process>> children) {
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            tree.writeBytes(INDENT);
        }
        tree.writeBytes(p.comm());
        out.row(context.row(recording.index(), ReportContext.time(recording, at), (long) p.pid(), (long) p.ppid(),
                p.uid(), ReportContext.time(recording, p.startNs()), (long) depth,
                recording.timeline().service(p.cgroupId()).label(), tree.toByteArray(),
                p.cmdline().length == 0 ? null : ProcessTimeline.joinedArgs(p.cmdline())));
        for (ProcessTimeline.Process child : children.getOrDefault(p.pid(), List.of())) {
            draw(out, recording, at, child, depth + 1, children);
        }
    }
}
