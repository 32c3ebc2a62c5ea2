package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.cli.SyscallOptions;
import dev.tracekit.analyzer.report.SyscallsReport;
import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "syscalls", mixinStandardHelpOptions = true,
        description = "syscount over the fleet: syscalls per host and syscall and/or process, top N by count, errors "
                + "or latency, optionally as a time series of windows with rates.")
final class SyscallsVerb extends FleetVerb {
    @Mixin
    SyscallOptions syscalls;

    @Override
    List<String> emptyResultHints(TracekitFleet fleet) {
        return emptyResultHints(fleet, FleetReports.syscallFamilies(fleet.recordings()));
    }

    @Override
    FleetReport report(TracekitFleet fleet) {
        SyscallsReport.Shape shape = new SyscallsReport.Shape(syscalls.grouping(), syscalls.order(),
                syscalls.windowNs(), syscalls.latency(), false);
        return FleetReports.syscalls(fleet.syscalls(shape.grouping(), shape.order(), shape.windowNs()), shape,
                FleetReports.syscallFamilies(fleet.recordings()));
    }

    @Override
    int limit() {
        return syscalls.limitOr(super.limit());
    }
}
