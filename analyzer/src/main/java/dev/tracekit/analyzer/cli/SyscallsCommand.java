package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.SyscallTally;
import dev.tracekit.analyzer.aggregate.SyscallWindows;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.SyscallsReport;
import java.util.List;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "syscalls", mixinStandardHelpOptions = true,
        description = "syscount after the fact: syscalls counted from the in-kernel counts or from per-event "
                + "records, top N by count, errors or latency, per syscall and/or process, optionally per time window.")
final class SyscallsCommand extends FollowingVerbCommand {
    /** The recorder's own default interval, for recordings whose header does not say theirs. */
    private static final long DEFAULT_WINDOW_NS = 1_000_000_000L;

    @Mixin
    SyscallOptions syscalls;

    @Option(names = "--histogram", description = "log2 latency histograms of the top rows (when latency was recorded).")
    boolean histogram;

    @Override
    List<String> emptyResultHints(AnalysisSession session) {
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters(), syscalls.latency());
        return emptyResultHints(session, source::family);
    }

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        SyscallGrouping grouping = syscalls.grouping();
        long windowNs = syscalls.windowNs();
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters(), syscalls.latency());
        if (follow.on) {
            follow(session, writer, source);
            return;
        }
        List<SyscallTally> parts = session.aggregate(source.streams(), () -> new SyscallTally(source, windowNs, histogram, grouping));
        SyscallTally tally = parts.getFirst();
        parts.subList(1, parts.size()).forEach(tally::merge);
        int limit = syscalls.limitOr(output.limitOr(10));
        new SyscallsReport(session.context(limit), tally, source, new SyscallsReport.Shape(grouping, syscalls.order(),
                windowNs, syscalls.latency(), histogram)).write(writer);
    }

    /**
     * syscount -i live: one table per window (-i, else the recorder's interval), printed once the recorder's
     * intervals have passed the window's end; its rows are those {@code syscalls --interval} prints for the window.
     */
    private void follow(AnalysisSession session, TableWriter writer, SyscallSource source) {
        Recording followed = session.allRecordings().getFirst();
        long windowNs = syscalls.windowNs() > 0 ? syscalls.windowNs() : followed.intervalNs().orElse(DEFAULT_WINDOW_NS);
        SyscallsReport.Shape shape = new SyscallsReport.Shape(syscalls.grouping(), syscalls.order(), windowNs,
                syscalls.latency(), histogram);
        int limit = syscalls.limitOr(output.limitOr(10));
        SyscallWindows windows = new SyscallWindows(source, windowNs, histogram, syscalls.grouping());
        BiConsumer<Long, SyscallTally> print = (start, tally) ->
                new SyscallsReport(session.context(limit), tally, source, shape).write(writer);
        Recording last = live(session).run(source.streams(), windows,
                recording -> windows.closeUpTo(recording, recording.endBootNs().orElse(0), print));
        windows.closeAll(last, print);
    }
}
