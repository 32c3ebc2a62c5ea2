package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.ProcessKey;
import dev.tracekit.analyzer.aggregate.ReportAggregate;
import dev.tracekit.analyzer.aggregate.SummaryAggregate;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallRateSeries;
import dev.tracekit.analyzer.aggregate.SyscallRow;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.analyzer.render.html.BarChart;
import dev.tracekit.analyzer.render.html.TimeSeriesChart;
import dev.tracekit.analyzer.render.html.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The report's charts, from the same aggregates and in the same order as the summary's tables: top N bars
 * (N the row limit) and one rate-over-time series per recording. Labels from the data are made safe here,
 * as table cells are, so the SVG renderers only escape and draw.
 */
final class ReportCharts {
    private static final List<BarChart.Part> SUCCEEDED_FAILED = List.of(
            new BarChart.Part("succeeded", Tone.PRIMARY), new BarChart.Part("failed", Tone.FAILURE));

    private final ReportContext context;
    private final ReportAggregate aggregate;
    private final SummaryAggregate summary;
    private final SyscallSource source;

    ReportCharts(ReportContext context, ReportAggregate aggregate, SyscallSource source) {
        this.context = context;
        this.aggregate = aggregate;
        this.summary = aggregate.summary();
        this.source = source;
    }

    List<TimeSeriesChart> rates() {
        List<TimeSeriesChart> charts = new ArrayList<>();
        for (Recording r : context.shown()) {
            SyscallRateSeries series = aggregate.rates(r, source);
            List<TimeSeriesChart.Point> points = new ArrayList<>();
            for (SyscallRateSeries.Window w : series.windows()) {
                points.add(new TimeSeriesChart.Point(series.ratePerSecond(w), w.lostSyscalls() > 0, w.lostOther() > 0,
                        tooltip(r, series, w)));
            }
            charts.add(new TimeSeriesChart(SafeText.escape(r.host()) + ": syscalls per second",
                    r.startBootNs().isPresent() ? DisplayText.time(r, r.startBootNs().getAsLong()) : "-",
                    series.windowNs(), "calls/s", points));
        }
        return charts;
    }

    private static String tooltip(Recording r, SyscallRateSeries series, SyscallRateSeries.Window w) {
        StringBuilder text = new StringBuilder(DisplayText.time(r, w.startBootNs())).append(": ")
                .append(DisplayText.count(Math.round(series.ratePerSecond(w)))).append(" calls/s (")
                .append(DisplayText.count(w.calls())).append(" calls, ")
                .append(DisplayText.count(w.errors())).append(" failed)");
        if (w.lostSyscalls() > 0) {
            text.append("; ").append(DisplayText.count(w.lostSyscalls())).append(" syscall records lost");
        }
        if (w.lostOther() > 0) {
            text.append("; ").append(DisplayText.count(w.lostOther())).append(" opens/signals lost");
        }
        return text.toString();
    }

    BarChart topSyscalls() {
        List<SyscallRow> rows = summary.syscalls().rows(SyscallGrouping.SYSCALL, SyscallOrder.COUNT);
        return new BarChart("Top syscalls by calls", SUCCEEDED_FAILED, top(rows, SyscallRow::recording,
                row -> new BarChart.Bar(
                        host(row.recording()) + context.recording(row.recording()).syscalls().name(row.syscall()),
                        List.of(row.stats().count() - row.stats().errors(), row.stats().errors()))));
    }

    BarChart topProcesses() {
        return new BarChart("Top processes by activity", List.of(
                new BarChart.Part("syscalls", Tone.PRIMARY),
                new BarChart.Part("opens", Tone.SECONDARY),
                new BarChart.Part("signals sent", Tone.TERTIARY)),
                top(summary.topProcesses(), p -> p.process().recording(), p -> new BarChart.Bar(process(p.process()),
                        List.of(p.syscalls(), p.opens(), p.signalsSent()))));
    }

    BarChart opensPerProcess() {
        return new BarChart("Opens per process", SUCCEEDED_FAILED, top(summary.opens().processes().top(false),
                e -> e.key().recording(), e -> new BarChart.Bar(process(e.key()), List.of(e.total() - e.failed(), e.failed()))));
    }

    BarChart failedOpensByPath() {
        return new BarChart("Failed opens by path", List.of(new BarChart.Part("failed", Tone.FAILURE)),
                top(summary.opens().files().top(true), e -> e.key().recording(), e -> new BarChart.Bar(
                        host(e.key().recording()) + SafeText.escape(e.key().path().toArray()), List.of(e.failed()))));
    }

    BarChart signals() {
        return new BarChart("Signals: sender → target", List.of(
                new BarChart.Part("sent", Tone.TERTIARY), new BarChart.Part("failed", Tone.FAILURE)),
                top(summary.kills().signals().top(false), e -> e.key().sender().recording(), e -> new BarChart.Bar(
                        process(e.key().sender()) + " → " + e.key().targetPid() + " "
                                + Names.signal(e.key().signal()).name(),
                        List.of(e.total() - e.failed(), e.failed()))));
    }

    /**
     * The top rows as bars: with several recordings each gets an equal share of the limit (its own top rows,
     * in recording order), so the busiest host does not take every bar.
     */
    private <T> List<BarChart.Bar> top(List<T> rows, ToIntFunction<T> recording, Function<T, BarChart.Bar> bar) {
        List<Recording> shown = context.shown();
        if (shown.size() <= 1) {
            return rows.subList(0, Math.min(context.limit(), rows.size())).stream().map(bar).toList();
        }
        int share = Math.max(1, (context.limit() + shown.size() - 1) / shown.size());
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Recording r : shown) {
            rows.stream().filter(row -> recording.applyAsInt(row) == r.index()).limit(share).map(bar).forEach(bars::add);
        }
        return bars;
    }

    /** {@code comm (pid)}, the host first when several recordings are shown. */
    private String process(ProcessKey process) {
        return host(process.recording()) + SafeText.escape(process.comm().toArray()) + " (" + process.pid() + ")";
    }

    /** {@code web-1: }, or with several recordings of one host {@code web-1 ffffa112fffe: } (its id's last part). */
    private String host(int recording) {
        Recording r = context.recording(recording);
        String id = r.meta().recordingId();
        String label = SafeText.escape(r.host())
                + (context.withRecording() ? " " + SafeText.escape(id.substring(id.lastIndexOf('-') + 1)) : "");
        return context.withHost() ? label + ": " : "";
    }
}
