package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.filter.Durations;
import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.analyzer.report.SyscallsReport;
import dev.tracekit.fleet.report.FleetReports;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "syscalls", mixinStandardHelpOptions = true,
        description = "syscount over the fleet: syscalls per host and syscall and/or process, top N by count, errors "
                + "or latency, optionally as a time series of windows with rates.")
final class SyscallsVerb extends FleetVerb {
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
            description = "Time series: figures and rate per window of this length (e.g. 1s, 10s, 1m), top N per window.")
    String interval;

    @Override
    FleetReport report(TracekitFleet fleet) {
        SyscallGrouping grouping = perProcess ? SyscallGrouping.PROCESS : grouping(by);
        SyscallOrder order = sort != null ? sort : latency ? SyscallOrder.LATENCY : SyscallOrder.COUNT;
        long windowNs = interval == null ? 0 : Durations.parse(interval);
        return FleetReports.syscalls(fleet.syscalls(grouping, order, windowNs),
                new SyscallsReport.Shape(grouping, order, windowNs, latency, false));
    }

    @Override
    int limit() {
        return top != null ? top : super.limit();
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
