package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.FamilyTally;
import dev.tracekit.analyzer.aggregate.ReportAggregate;
import dev.tracekit.analyzer.aggregate.SummaryAggregate;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.analyzer.render.html.HtmlReport;
import dev.tracekit.analyzer.render.html.HtmlTable;
import dev.tracekit.analyzer.render.html.HtmlTableWriter;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the HTML report holds and in which order: a heading with the hosts, span and headline figures, then
 * the summary's tables (written by {@link SummaryReport} itself, so the page and {@code tracekit summary}
 * never disagree), each with the charts that show the same figures.
 */
public final class HtmlReportContent {
    private HtmlReportContent() {
    }

    /** @param recordsRead records read before any filter, per recording and family */
    public static HtmlReport of(ReportContext context, ReportAggregate aggregate, SyscallSource source,
            FamilyTally recordsRead) {
        HtmlTableWriter writer = new HtmlTableWriter();
        SummaryReport.Results results = SummaryReport.Results.of(aggregate.summary(), source, recordsRead);
        new SummaryReport(context, results).write(writer);
        Map<String, HtmlTable> tables = writer.tables().stream()
                .collect(Collectors.toMap(HtmlTable::name, Function.identity()));
        ReportCharts charts = new ReportCharts(context, aggregate, source);
        List<HtmlReport.Section> sections = List.of(
                new HtmlReport.Section("recordings", "Recordings and completeness",
                        "Events the recorder wrote and lost per family; MATCHED is what this report counts after filters.",
                        List.of(), List.of(tables.get("recordings"), tables.get("families")), true),
                new HtmlReport.Section("rate", "Syscall rate over time",
                        "Calls per second in each window. Red bands: syscall records were lost there, so the rate is "
                                + "too low. Amber bands: opens or signals were lost there. Hover a window for its figures.",
                        List.copyOf(charts.rates()), List.of(), true),
                new HtmlReport.Section("syscalls", "Syscalls", null,
                        List.of(charts.topSyscalls()), List.of(tables.get("top_syscalls")), false),
                new HtmlReport.Section("processes", "Processes", null,
                        List.of(charts.topProcesses()), List.of(tables.get("top_processes")), false),
                new HtmlReport.Section("opens", "File opens", null,
                        List.of(charts.opensPerProcess()), List.of(tables.get("top_files")), false),
                new HtmlReport.Section("failed-opens", "Failed opens", null,
                        List.of(charts.failedOpensByPath()), // by errno is the table beside it
                        List.of(tables.get("failed_opens")), false),
                new HtmlReport.Section("signals", "Signals", null,
                        List.of(charts.signals()), List.of(tables.get("signals")), false));
        return new HtmlReport(heading(context, aggregate.summary(), results), sections);
    }

    private static HtmlReport.Heading heading(ReportContext context, SummaryAggregate summary,
            SummaryReport.Results results) {
        Set<String> hosts = new LinkedHashSet<>();
        List<String> facts = new ArrayList<>();
        long opens = 0;
        long signals = 0;
        long lost = 0;
        double completeness = 100.0;
        for (Recording r : context.shown()) {
            hosts.add(SafeText.escape(r.host()));
            facts.add(SafeText.escape(r.host()) + "  ·  " + SafeText.escape(r.meta().arch()) + "  ·  kernel "
                    + SafeText.escape(r.meta().kernelRelease()) + "  ·  " + DisplayText.time(r, r.startBootNs().orElse(0))
                    + " → " + DisplayText.time(r, r.endBootNs().orElse(0)));
            opens += summary.families().records(r, Family.OPENS);
            signals += summary.families().records(r, Family.KILLS);
            for (Family family : RecordingStream.FAMILIES) {
                if (r.has(RecordingStream.of(family))) {
                    long familyLost = r.losses().lost(family);
                    lost += familyLost;
                    completeness = Math.min(completeness, Completeness.percent(r.losses().written(family),
                            familyLost, results.unreadable(r, family)));
                }
            }
        }
        long syscalls = summary.syscalls().rows(SyscallGrouping.SYSCALL, SyscallOrder.COUNT).stream()
                .mapToLong(row -> row.stats().count()).sum();
        return new HtmlReport.Heading("tracekit report: " + String.join(", ", hosts), facts, List.of(
                new HtmlReport.KeyFigure("syscalls", DisplayText.count(syscalls), false),
                new HtmlReport.KeyFigure("file opens", DisplayText.count(opens), false),
                new HtmlReport.KeyFigure("signals", DisplayText.count(signals), false),
                new HtmlReport.KeyFigure("events lost", DisplayText.count(lost), lost > 0),
                new HtmlReport.KeyFigure("least complete family",
                        DisplayText.percent(completeness), completeness < 100.0)));
    }
}
