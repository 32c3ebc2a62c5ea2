package dev.tracekit.fleet.cli;

import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import dev.tracekit.schema.Family;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = "perf trace style replay over the fleet: the per-event syscall records (recorded with --events "
                + "syscall-events) in time order across the recordings, as the analyzer's events prints them "
                + "(--limit N: the first N).")
final class EventsVerb extends FleetVerb {
    @Override
    List<String> emptyResultHints(TracekitFleet fleet) {
        return emptyResultHints(fleet, r -> Family.SYSCALL_EVENTS);
    }

    @Override
    FleetReport report(TracekitFleet fleet) {
        return FleetReports.eventReplay(fleet.replays(), output.limit());
    }
}
