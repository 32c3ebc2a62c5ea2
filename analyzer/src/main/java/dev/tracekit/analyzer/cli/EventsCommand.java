package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.SyscallEventRows;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = "perf trace style replay of per-event syscall records (recorded with --events syscall-events): "
                + "time, process, syscall name, raw arguments, return value, errno and duration.")
final class EventsCommand extends FollowingVerbCommand {
    @Mixin
    ContextColumnOptions with;

    @Override
    List<String> emptyResultHints(AnalysisSession session) {
        return emptyResultHints(session, r -> Family.SYSCALL_EVENTS);
    }

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        SyscallEventRows rows = new SyscallEventRows(session.replayContext(with.columns()), writer, output.limit);
        rows.begin();
        replay(session, Set.of(RecordingStream.SYSCALL_EVENTS), rows);
        rows.end();
    }
}
