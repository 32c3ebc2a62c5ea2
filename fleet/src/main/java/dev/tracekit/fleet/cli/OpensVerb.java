package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.cli.OpenDurationOption;
import dev.tracekit.analyzer.report.OpenTopReport.By;
import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import dev.tracekit.schema.Family;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "opens", mixinStandardHelpOptions = true,
        description = "The most opened files, or with --top processes the processes that opened most, per host. "
                + "(The analyzer's event-by-event listing is a single-machine replay; the fleet aggregates.)")
final class OpensVerb extends FleetVerb {
    @Option(names = "--top", paramLabel = "files|processes", arity = "0..1", fallbackValue = "files", defaultValue = "files",
            description = "Top files (default) or processes.")
    By top;

    @Mixin
    OpenDurationOption duration;

    @Override
    List<String> emptyResultHints(TracekitFleet fleet) {
        return emptyResultHints(fleet, r -> Family.OPENS);
    }

    @Override
    FleetReport report(TracekitFleet fleet) {
        return FleetReports.openTop(top == By.files ? fleet.openedFiles() : fleet.openingProcesses(), top);
    }
}
