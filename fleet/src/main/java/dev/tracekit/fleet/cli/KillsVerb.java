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
        description = "killsnoop/sigsnoop replayed over the fleet: every signal in time order across the recordings, as "
                + "the analyzer's kills prints them (--limit N: the first N), or with --top the most frequent sender -> "
                + "target signals per host.")
final class KillsVerb extends FleetVerb {
    @Option(names = "--top", description = "Signals by sender, target and signal instead of the replay.")
    boolean top;

    @Mixin
    KillFilterOptions targets;

    @Override
    List<String> emptyResultHints(TracekitFleet fleet) {
        return emptyResultHints(fleet, r -> Family.KILLS);
    }

    @Override
    FleetReport report(TracekitFleet fleet) {
        return top ? FleetReports.killTop(fleet.signals()) : FleetReports.killReplay(fleet.replays(), output.limit());
    }
}
