package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.TopTally;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.render.TextTableWriter;
import dev.tracekit.analyzer.report.TopReport;
import dev.tracekit.recording.RecordingStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "top", mixinStandardHelpOptions = true,
        description = "The busiest syscalls and processes (with service and command line), failed opens by path and "
                + "errno, signals and losses. With --follow, refreshed every interval as the recording grows: full "
                + "screen on a terminal (keys: c sort by count, e by errors, q quit), plain tables one after another "
                + "otherwise or with --batch.")
final class TopCommand extends FollowingVerbCommand {
    /** Rows taken by the tables' headings, column headers and gaps on a full screen. */
    private static final int SCREEN_OVERHEAD = 16;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "count",
            description = "count or errors: what syscalls and processes are ranked by. Default: ${DEFAULT-VALUE}.")
    String sort;

    @Option(names = {"-b", "--batch"}, description = "Plain tables even on a terminal (top -b).")
    boolean batch;

    /** Changed by keys on the full screen, between draws on the same thread. */
    private SyscallOrder order;

    @Override
    void run(AnalysisSession session, TableWriter writer) {
        order = switch (sort.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "count" -> SyscallOrder.COUNT;
            case "errors" -> SyscallOrder.ERRORS;
            default -> throw dev.tracekit.analyzer.TracekitException.badInput("bad --sort '" + sort + "': use count or errors");
        };
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters(), false);
        Set<RecordingStream> streams = EnumSet.of(RecordingStream.OPENS, RecordingStream.KILLS);
        streams.addAll(source.streams());
        TopTally tally = new TopTally(source);
        session.followProcesses(); // the processes' commands and services
        if (!follow.on) {
            List<TopTally> parts = session.aggregate(streams, () -> new TopTally(source));
            parts.subList(1, parts.size()).forEach(parts.getFirst()::merge);
            new TopReport(session.context(output.limitOr(10)), parts.getFirst(), source, order).write(writer);
            return;
        }
        Set<RecordingStream> present = EnumSet.noneOf(RecordingStream.class);
        for (RecordingStream stream : streams) {
            if (session.allRecordings().getFirst().has(stream)) {
                present.add(stream);
            }
        }
        boolean fullScreen = !batch && System.console() != null && System.console().isTerminal();
        if (fullScreen) {
            fullScreen(session, present, tally, source);
        } else {
            live(session).run(present, tally, recording -> {
                PrintWriter out = spec.commandLine().getOut();
                out.println("tracekit top: " + until(recording));
                TableWriter tables = output.writer(out);
                new TopReport(session.context(output.limitOr(10)), tally, source, order).write(tables);
                tables.finish();
                out.println();
            });
        }
    }

    private void fullScreen(AnalysisSession session, Set<RecordingStream> streams, TopTally tally, SyscallSource source) {
        // What the follow says on stderr (losses as they start, the recorder's end) would be drawn over: the screen
        // shows it under its title line, and it is printed once the screen is left.
        StringWriter said = new StringWriter();
        try (TopScreen screen = TopScreen.open()) {
            live(session, new PrintWriter(said)).run(streams, tally, new ScreenRefresh(session, tally, source, screen,
                    said));
        }
        spec.commandLine().getErr().print(said);
        spec.commandLine().getErr().flush();
        // The last screen stays readable after the alternate screen is left.
        TableWriter tables = new TextTableWriter(spec.commandLine().getOut(), new RenderOptions(output.relative));
        new TopReport(session.context(output.limitOr(10)), tally, source, order).write(tables);
        tables.finish();
    }

    private static String until(Recording recording) {
        return recording.endBootNs().isPresent()
                ? "up to " + Instant.ofEpochSecond(0, recording.sampledWallNs(recording.endBootNs().getAsLong()))
                : "nothing recorded yet";
    }

    /** Redraws on every new interval and on every key. */
    private final class ScreenRefresh implements LiveReplay.IntervalListener {
        private final AnalysisSession session;
        private final TopTally tally;
        private final SyscallSource source;
        private final TopScreen screen;
        private final StringWriter said;
        private Recording last;

        ScreenRefresh(AnalysisSession session, TopTally tally, SyscallSource source, TopScreen screen,
                StringWriter said) {
            this.session = session;
            this.tally = tally;
            this.source = source;
            this.screen = screen;
            this.said = said;
        }

        @Override
        public void intervals(Recording recording) {
            last = recording;
            draw();
        }

        @Override
        public void polled(Recording recording) {
            for (int key = screen.key(); key >= 0; key = screen.key()) {
                switch (key) {
                    case 'q', 'Q', 3 -> { // 3: Ctrl-C, which raw mode delivers as a key
                        tally.stop();
                        return;
                    }
                    case 'c' -> order = SyscallOrder.COUNT;
                    case 'e' -> order = SyscallOrder.ERRORS;
                    default -> {
                        continue;
                    }
                }
                last = recording;
                draw();
            }
        }

        private void draw() {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            out.println("tracekit top " + session.allRecordings().getFirst().host() + "  " + until(last) + "  sorted by "
                    + order.name().toLowerCase(java.util.Locale.ROOT) + "  (c count, e errors, q quit)");
            List<String> warnings = said.toString().lines().toList();
            warnings.forEach(out::println);
            TableWriter tables = new TextTableWriter(out, new RenderOptions(output.relative));
            int rows = Math.max(1, (screen.height() - SCREEN_OVERHEAD - warnings.size()) / 5);
            new TopReport(session.context(output.limitOr(rows)), tally, source, order).write(tables);
            tables.finish();
            out.flush();
            screen.show(text.toString());
        }
    }
}
