package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.report.ContextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The replays' and the process top lists' {@code --with}: columns about each event's or row's process, from the
 * recording's process context.
 */
final class ContextColumnOptions {
    /** What picocli completes and lists for {@code --with}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ContextColumn.values()).map(ContextColumn::optionName).iterator();
        }
    }

    @Option(names = "--with", split = ",", paramLabel = "COLUMN", completionCandidates = Names.class,
            description = "Also show these columns about each event's process (with --top: each row's), as it was at "
                    + "the event: ppid, cmd (its "
                    + "command line), service (systemd unit, container or pod, from its cgroup path), cgroup, exe. "
                    + "Known from the recording's process snapshots and procs events (recordings since 1.1).")
    List<String> names = new ArrayList<>();

    /** @throws TracekitException (bad input) for a name that is no such column */
    List<ContextColumn> columns() {
        Set<ContextColumn> columns = new LinkedHashSet<>();
        for (String name : names) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            columns.add(Arrays.stream(ContextColumn.values()).filter(c -> c.optionName().equals(wanted)).findFirst()
                    .orElseThrow(() -> TracekitException.badInput("unknown --with column '" + name + "' (one of "
                            + Arrays.stream(ContextColumn.values()).map(ContextColumn::optionName)
                                    .collect(Collectors.joining(", ")) + ")")));
        }
        return List.copyOf(columns);
    }
}
