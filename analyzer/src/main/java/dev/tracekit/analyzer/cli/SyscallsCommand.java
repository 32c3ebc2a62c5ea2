package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.SyscallTally;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.SyscallsReport;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "syscalls", mixinStandardHelpOptions = true,
        description = "syscount after the fact: syscalls counted from the in-kernel counts or from per-event "
                + "records, top N by count, errors or latency, per syscall and/or process, optionally per time window.")
final class SyscallsCommand extends VerbCommand {
    @Mixin
    SyscallOptions syscalls;

    @Option(names = "--histogram", description = "log2 latency histograms of the top rows (when latency was recorded).")
    boolean histogram;

    @Override
    List<String> emptyResultHints(AnalysisSession session) {
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters(), syscalls.latency());
        return emptyResultHints(session, source::family);
    }

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        SyscallGrouping grouping = syscalls.grouping();
        long windowNs = syscalls.windowNs();
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters(), syscalls.latency());
        List<SyscallTally> parts = session.aggregate(source.streams(), () -> new SyscallTally(source, windowNs, histogram, grouping));
        SyscallTally tally = parts.getFirst();
        parts.subList(1, parts.size()).forEach(tally::merge);
        int limit = syscalls.limitOr(output.limitOr(10));
        new SyscallsReport(session.context(limit), tally, source, new SyscallsReport.Shape(grouping, syscalls.order(),
                windowNs, syscalls.latency(), histogram)).write(writer);
    }
}
