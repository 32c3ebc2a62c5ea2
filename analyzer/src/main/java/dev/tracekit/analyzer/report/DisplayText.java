package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.ValueText;

/** Figures and times for the HTML report's headings and chart labels, written as the tables write them. */
final class DisplayText {
    private static final RenderOptions UTC_TIMES = new RenderOptions(false);

    private DisplayText() {
    }

    static String count(long value) {
        return ValueText.of(ColumnKind.COUNT, value, UTC_TIMES);
    }

    static String percent(double value) {
        return ValueText.of(ColumnKind.PERCENT, value, UTC_TIMES);
    }

    /** A boot-clock time of the recording in UTC. */
    static String time(Recording recording, long bootNs) {
        return ValueText.of(ColumnKind.TIME, ReportContext.time(recording, bootNs), UTC_TIMES);
    }
}
