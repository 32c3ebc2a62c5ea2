package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.render.TableWriter;
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
final class ProcsCommand extends VerbCommand {
    @Mixin
    FollowOptions follow;

    @Override
    boolean follows() {
        return follow.on;
    }

    /** execsnoop's default. */
    private static final int DEFAULT_MAX_ARGS = 20;

    @Option(names = "--threaded", description = "Also threads (exitsnoop -t): their creation and the exits that leave the process running.")
    boolean threaded;

    @Option(names = "--max-args", paramLabel = "N",
            description = "At most N arguments of each exec, then ... (default: " + DEFAULT_MAX_ARGS + ", as execsnoop).")
    Integer maxArgs;

    @Option(names = "--argv", description = "Every recorded argument of each exec: the whole command line.")
    boolean argv;

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        if (maxArgs != null && (maxArgs < 1 || argv)) {
            throw TracekitException.badInput(argv ? "--argv and --max-args exclude each other"
                    : "--max-args must be at least 1, not " + maxArgs);
        }
        ProcRows rows = new ProcRows(session.context(Integer.MAX_VALUE), writer, output.limit,
                new ProcRows.Shown(threaded, argv ? -1 : maxArgs == null ? DEFAULT_MAX_ARGS : maxArgs));
        rows.begin();
        replay(session, follow, Set.of(RecordingStream.PROCS), rows);
        rows.end();
    }
}
