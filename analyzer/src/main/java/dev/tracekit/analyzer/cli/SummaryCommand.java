package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.aggregate.SummaryAggregate;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.SummaryReport;
import picocli.CommandLine.Command;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Hosts, kernel, time span, events per family with losses and completeness, top syscalls, "
                + "processes and files, failed opens by errno, signals by sender and target.")
final class SummaryCommand extends VerbCommand {
    @Override
    void run(AnalysisSession session, TableWriter writer) {
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters());
        SummaryAggregate summary = session.summary(source);
        new SummaryReport(session.context(output.limitOr(10)), summary, source, session.recordsRead()).write(writer);
    }
}
