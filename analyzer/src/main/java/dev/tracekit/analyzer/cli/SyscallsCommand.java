package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.SyscallTally;
import dev.tracekit.analyzer.filter.Durations;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.SyscallsReport;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "syscalls", mixinStandardHelpOptions = true,
        description = "syscount after the fact: syscalls counted from the in-kernel counts or from per-event "
                + "records, top N by count, errors or latency, per syscall and/or process, optionally per time window.")
final class SyscallsCommand extends VerbCommand {
    @Option(names = "--by", paramLabel = "KEY", defaultValue = "syscall",
            description = "syscall, process or process,syscall. Default: ${DEFAULT-VALUE}.")
    String by;

    @Option(names = "-P", description = "Per process (syscount -P); same as --by process.")
    boolean perProcess;

    @Option(names = {"-L", "--latency"}, description = "Show total and average latency; top by latency (syscount -L).")
    boolean latency;

    @Option(names = "--sort", paramLabel = "ORDER", description = "count, errors or latency (default count, latency with -L).")
    SyscallOrder sort;

    @Option(names = {"-T", "--top"}, paramLabel = "N", description = "Show the top N rows (syscount -T); same as --limit.")
    Integer top;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Time series: figures and rate per window of this length (e.g. 1s, 10s, 1m).")
    String interval;

    @Option(names = "--histogram", description = "log2 latency histograms of the top rows (when latency was recorded).")
    boolean histogram;

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        SyscallGrouping grouping = perProcess ? SyscallGrouping.PROCESS : grouping(by);
        SyscallOrder order = sort != null ? sort : latency ? SyscallOrder.LATENCY : SyscallOrder.COUNT;
        long windowNs = interval == null ? 0 : Durations.parse(interval);
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters());
        List<SyscallTally> parts = session.aggregate(source.streams(), () -> new SyscallTally(source, windowNs));
        SyscallTally tally = parts.getFirst();
        parts.subList(1, parts.size()).forEach(tally::merge);
        int limit = top != null ? top : output.limitOr(10);
        new SyscallsReport(session.context(limit), tally, source,
                new SyscallsReport.Shape(grouping, order, windowNs, latency, histogram)).write(writer);
    }

    private static SyscallGrouping grouping(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace(" ", "")) {
            case "syscall" -> SyscallGrouping.SYSCALL;
            case "process" -> SyscallGrouping.PROCESS;
            case "process,syscall", "syscall,process" -> SyscallGrouping.PROCESS_SYSCALL;
            default -> throw TracekitException.badInput("bad --by '" + text + "': use syscall, process or process,syscall");
        };
    }
}
