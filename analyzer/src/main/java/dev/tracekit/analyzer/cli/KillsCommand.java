package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.KillTally;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.KillRows;
import dev.tracekit.analyzer.report.KillTopReport;
import dev.tracekit.analyzer.report.ReportContext;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kills", mixinStandardHelpOptions = true,
        description = "killsnoop/sigsnoop replayed: every signal sent or generated, in recorded order "
                + "(TIME PID COMM SIG TPID TCOMM RESULT ... TCMD: the target's name and command line at the signal, from "
                + "the recording's process snapshots and procs events), or with --top the most frequent sender -> target signals.")
final class KillsCommand extends FollowingVerbCommand {
    @Mixin
    ContextColumnOptions with;

    @Option(names = "--top", description = "Signals by sender, target and signal instead of the event listing; with "
            + "--with, each sender is one process (a reused pid is two rows) with its columns.")
    boolean top;

    @Mixin
    KillFilterOptions targets;

    @Override
    List<String> emptyResultHints(AnalysisSession session) {
        return emptyResultHints(session, r -> Family.KILLS);
    }

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        if (follow.on && top) {
            throw TracekitException.badInput("--top sums a whole recording; live, use tracekit top RECORDING --follow");
        }
        Set<RecordingStream> streams = Set.of(RecordingStream.KILLS);
        if (top) {
            // before the tally: with --with it follows the processes, which the tally then keys rows by
            ReportContext context = session.context(output.limitOr(10), with.columns());
            boolean oneRowPerSender = !context.with().isEmpty();
            List<KillTally> parts = session.aggregate(streams, () -> new KillTally(oneRowPerSender));
            KillTally tally = parts.getFirst();
            parts.subList(1, parts.size()).forEach(tally::merge);
            new KillTopReport(context, tally).write(writer);
            return;
        }
        session.followProcesses(); // TCOMM of a target forked during the recording
        KillRows rows = new KillRows(session.replayContext(with.columns()), writer, output.limit);
        rows.begin();
        replay(session, streams, rows);
        rows.end();
    }
}
