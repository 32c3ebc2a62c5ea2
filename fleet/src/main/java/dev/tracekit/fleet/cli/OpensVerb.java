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
        description = "opensnoop replayed over the fleet: every open in time order across the recordings, as the "
                + "analyzer's opens prints them (--limit N: the first N), or with --top the most opened files or the "
                + "processes that opened most, per host.")
final class OpensVerb extends FleetVerb {
    @Option(names = "--top", paramLabel = "files|processes", arity = "0..1", fallbackValue = "files",
            description = "The most opened files (--top alone) or processes instead of the replay.")
    By top;

    @Mixin
    OpenDurationOption duration;

    @Override
    List<String> emptyResultHints(TracekitFleet fleet) {
        return emptyResultHints(fleet, r -> Family.OPENS);
    }

    @Override
    FleetReport report(TracekitFleet fleet) {
        if (top == null) {
            return FleetReports.openReplay(fleet.replays(), output.limit());
        }
        return FleetReports.openTop(top == By.files ? fleet.openedFiles() : fleet.openingProcesses(), top);
    }
}
