package dev.tracekit.fleet.cli;

import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import picocli.CommandLine.Command;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Hosts, kernel, time span, events per family with losses and completeness, top syscalls, "
                + "processes and files, failed opens by errno, signals by sender and target: the analyzer's summary.")
final class SummaryVerb extends FleetVerb {
    @Override
    FleetReport report(TracekitFleet fleet) {
        return FleetReports.summary(fleet.summary(), FleetReports.syscallFamilies(fleet.recordings()));
    }
}
