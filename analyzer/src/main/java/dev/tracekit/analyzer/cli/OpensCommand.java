package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.OpenTally;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.OpenRows;
import dev.tracekit.analyzer.report.OpenTopReport;
import dev.tracekit.analyzer.report.ReportContext;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "opens", mixinStandardHelpOptions = true,
        description = "opensnoop replayed: every file open in recorded order (TIME PID TID UID COMM FD ERR FLAGS PATH), "
                + "or with --top the most opened files or the processes that opened most. PATH, --path and --top files "
                + "go by the full path of a relative open where the recording has it (opensnoop -F; recorded since "
                + "schema 1.2).")
final class OpensCommand extends FollowingVerbCommand {
    @Mixin
    ContextColumnOptions with;

    @Option(names = "--top", paramLabel = "files|processes",
            description = "The most opened files, or the processes that opened most, instead of the event listing; "
                    + "with --with (processes only), each row is one process (a reused pid is two rows) with its columns.")
    OpenTopReport.By top;

    @Option(names = "--raw-path",
            description = "PATH as the process passed it: a relative path stays relative (filters still match the full path).")
    boolean rawPath;

    @Mixin
    OpenDurationOption duration;

    @Override
    List<String> emptyResultHints(AnalysisSession session) {
        return emptyResultHints(session, r -> Family.OPENS);
    }

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        if (follow.on && top != null) {
            throw TracekitException.badInput("--top sums a whole recording; live, use tracekit top RECORDING --follow");
        }
        Set<RecordingStream> streams = Set.of(RecordingStream.OPENS);
        if (top != null) {
            if (top == OpenTopReport.By.files && !with.names.isEmpty()) {
                throw TracekitException.badInput("--with shows a process's columns; --top files rows are files, "
                        + "not processes (use --top processes --with)");
            }
            // before the tally: with --with it follows the processes, which the tally then keys rows by
            ReportContext context = session.context(output.limitOr(10), with.columns());
            boolean oneRowPerProcess = !context.with().isEmpty();
            List<OpenTally> parts = session.aggregate(streams, () -> new OpenTally(oneRowPerProcess));
            OpenTally tally = parts.getFirst();
            parts.subList(1, parts.size()).forEach(tally::merge);
            OpenTopReport.of(context, tally, top).write(writer);
            return;
        }
        OpenRows rows = new OpenRows(session.replayContext(with.columns()), writer, output.limit, rawPath);
        rows.begin();
        replay(session, streams, rows);
        rows.end();
    }
}
