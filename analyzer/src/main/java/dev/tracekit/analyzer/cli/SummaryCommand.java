package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.aggregate.SummaryAggregate;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.ReportContext;
import dev.tracekit.analyzer.report.SummaryReport;
import dev.tracekit.recording.RecordingStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Hosts, kernel, time span, events per family with losses and completeness, top syscalls, "
                + "processes and files, failed opens by errno, signals by sender and target.")
final class SummaryCommand extends VerbCommand {
    @Override
    void run(AnalysisSession session, TableWriter writer) {
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters());
        Set<RecordingStream> streams = EnumSet.of(RecordingStream.OPENS, RecordingStream.KILLS);
        streams.addAll(source.streams());
        List<SummaryAggregate> parts = session.aggregate(streams, () -> new SummaryAggregate(source));
        SummaryAggregate summary = parts.getFirst();
        parts.subList(1, parts.size()).forEach(summary::merge);
        new SummaryReport(session.context(output.limitOr(10)), summary, source).write(writer);
    }
}
