package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.filter.TimeBound;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.report.LineageReport;
import dev.tracekit.analyzer.report.ProcessTreeReport;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.ContextColumn;
import dev.tracekit.analyzer.report.ProcRows;
import dev.tracekit.recording.RecordingStream;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "procs", mixinStandardHelpOptions = true,
        description = "execsnoop and exitsnoop replayed: every exec (with its arguments), fork, process exit (with "
                + "its code or signal) and rename, in recorded order (TIME PID TID PPID UID COMM EVENT CHILD CODE SIG "
                + "ARGS). -x: only exits by a non-zero code or a signal; -s SIG: only exits by SIG.")
final class ProcsCommand extends FollowingVerbCommand {
    @Mixin
    ContextColumnOptions with;

    /** execsnoop's default. */
    private static final int DEFAULT_MAX_ARGS = 20;

    @Option(names = "--threaded", description = "Also threads (exitsnoop -t): their creation and the exits that leave the process running.")
    boolean threaded;

    @Option(names = "--max-args", paramLabel = "N",
            description = "At most N arguments of each exec, then ... (default: " + DEFAULT_MAX_ARGS + ", as execsnoop).")
    Integer maxArgs;

    @Option(names = "--argv", description = "Every recorded argument of each exec: the whole command line.")
    boolean argv;

    @Option(names = "--tree", description = "The process tree at a moment (--at, default the recording's end), as pstree: "
            + "every process alive then under its parent, with its service and command line.")
    boolean tree;

    @Option(names = "--lineage", paramLabel = "PID",
            description = "One process's lineage: the process with this pid (at --at, default the recording's end) and "
                    + "its ancestors, then its own execs, forks and exit. (-p PID keeps its meaning: only that process's rows.)")
    Integer lineage;

    @Option(names = "--at", paramLabel = "TIME", description = "For --tree and --lineage: this UTC time or offset from the start (+2s).")
    String at;

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        if ((tree || lineage != null || at != null) && !(tree ^ lineage != null)) {
            throw TracekitException.badInput(tree && lineage != null ? "--tree and --lineage exclude each other"
                    : "--at goes with --tree or --lineage");
        }
        if (tree || lineage != null) {
            session.followProcesses();
            TimeBound moment = at == null ? null : TimeBound.parse(at);
            ToLongFunction<Recording> when = r -> moment != null ? moment.bootNs(r) : r.endBootNs().orElse(Long.MAX_VALUE - 1);
            if (tree) {
                if (!with.names.isEmpty()) {
                    throw TracekitException.badInput("--tree shows every process's service and command line already; "
                            + "--with adds columns to event rows (procs, --lineage)");
                }
                new ProcessTreeReport(session.context(Integer.MAX_VALUE), when).write(writer);
                return;
            }
            lineage(session, writer, when);
            return;
        }
        if (maxArgs != null && (maxArgs < 1 || argv)) {
            throw TracekitException.badInput(argv ? "--argv and --max-args exclude each other"
                    : "--max-args must be at least 1, not " + maxArgs);
        }
        ProcRows rows = procRows(session, writer);
        rows.begin();
        replay(session, Set.of(RecordingStream.PROCS), rows);
        rows.end();
    }

    /** The procs rows with the --with columns but PPID, which procs rows always show. */
    private ProcRows procRows(AnalysisSession session, TableWriter writer) {
        return new ProcRows(session.replayContext(with.columns().stream().filter(c -> c != ContextColumn.PPID).toList()),
                writer, output.limit, new ProcRows.Shown(threaded, argv ? -1 : maxArgs == null ? DEFAULT_MAX_ARGS : maxArgs));
    }

    /** The lineage table, then the process's own procs rows: those of its pid during its life, and its fork. */
    private void lineage(AnalysisSession session, TableWriter writer, ToLongFunction<Recording> when) {
        LineageReport report = new LineageReport(session.context(Integer.MAX_VALUE), lineage, when);
        report.write(writer);
        Map<Integer, ProcessTimeline.Process> lives = new HashMap<>();
        for (Recording recording : session.recordings()) {
            report.process(recording).ifPresent(p -> lives.put(recording.index(), p));
        }
        ProcRows rows = procRows(session, writer);
        rows.begin();
        session.replay(Set.of(RecordingStream.PROCS), new RecordVisitor() {
            @Override
            public void proc(Recording recording, ProcEvent e) {
                ProcessTimeline.Process p = lives.get(recording.index());
                long ts = e.getHeader().getTsNs();
                boolean itsFork = e.getKind() == ProcKind.FORK && lineage.equals(e.getChildPid());
                if (p != null && ts >= p.startNs() && ts <= p.endNs() && (e.getHeader().getPid() == lineage.intValue() || itsFork)) {
                    rows.proc(recording, e);
                }
            }

            @Override
            public boolean wantsMore() {
                return rows.wantsMore();
            }
        });
        rows.end();
    }
}
