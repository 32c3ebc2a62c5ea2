package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.cli.KillFilterOptions;
import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import dev.tracekit.schema.Family;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kills", mixinStandardHelpOptions = true,
        description = "The most frequent sender -> target signals per host (the analyzer's kills --top).")
final class KillsVerb extends FleetVerb {
    @Option(names = "--top", description = "Accepted for the analyzer's spelling; the fleet always shows the top signals.")
    boolean top;

    @Mixin
    KillFilterOptions targets;

    @Override
    List<String> emptyResultHints(TracekitFleet fleet) {
        return emptyResultHints(fleet, r -> Family.KILLS);
    }

    @Override
    FleetReport report(TracekitFleet fleet) {
        return FleetReports.killTop(fleet.signals());
    }
}
