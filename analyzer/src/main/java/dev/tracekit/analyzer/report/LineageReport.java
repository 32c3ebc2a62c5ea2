package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * One process's lineage: the process that had the pid at a moment and its ancestors, each parent as it was when its
 * child started, from the first one known down to the process (as {@code pstree -s} shows them). The process's
 * own execs, forks and exit follow as a procs listing ({@link ProcRows}).
 */
public final class LineageReport {
    private final ReportContext context;
    private final int pid;
    private final ToLongFunction<Recording> moment;

    /** @param moment the boot-clock time of each recording at which to take the process with {@code pid} */
    public LineageReport(ReportContext context, int pid, ToLongFunction<Recording> moment) {
        this.context = context;
        this.pid = pid;
        this.moment = moment;
    }

    /** The process with the pid at the moment in each shown recording, if any had it by then. */
    public Optional<ProcessTimeline.Process> process(Recording recording) {
        return recording.timeline().at(pid, moment.applyAsLong(recording));
    }

    public void write(TableWriter out) {
        out.begin(new TableSpec("lineage", "Lineage of pid " + pid, context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER, 7),
                new Column("PPID", "ppid", ColumnKind.NUMBER, 7),
                new Column("UID", "uid", ColumnKind.NUMBER, 5),
                new Column("START", "start_ns", ColumnKind.TIME, 27),
                new Column("EXIT", "exit_ns", ColumnKind.TIME, 27),
                new Column("COMM", "comm", ColumnKind.BYTES, 16),
                new Column("SERVICE", "service", ColumnKind.TEXT, 24),
                new Column("EXE", "exe", ColumnKind.BYTES, 24),
                new Column("CMD", "cmdline", ColumnKind.BYTES)), false));
        for (Recording recording : context.shown()) {
            Optional<ProcessTimeline.Process> found = process(recording);
            if (found.isEmpty()) {
                continue;
            }
            for (ProcessTimeline.Process p : ancestry(recording, found.get())) {
                out.row(context.row(recording.index(), (long) p.pid(), (long) p.ppid(), p.uid(),
                        ReportContext.time(recording, p.startNs()),
                        p.endNs() == Long.MAX_VALUE ? null : ReportContext.time(recording, p.endNs()),
                        p.comm(), recording.timeline().service(p.cgroupId()).label(), p.exe(),
                        p.cmdline().length == 0 ? null : ProcessTimeline.joinedArgs(p.cmdline())));
            }
        }
        out.end(List.of());
    }

    /** The process and its known ancestors, oldest first; a pid seen twice (forged data) ends the walk. */
    private static List<ProcessTimeline.Process> ancestry(Recording recording, ProcessTimeline.Process process) {
        List<ProcessTimeline.Process> chain = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        ProcessTimeline.Process p = process;
        while (p != null && seen.add(p.pid())) {
            chain.addFirst(p);
            p = p.ppid() <= 0 ? null : recording.timeline().at(p.ppid(), p.startNs()).orElse(null);
        }
        return chain;
    }
}
