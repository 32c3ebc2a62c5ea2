package dev.tracekit.analyzer.render.html;

import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.ValueText;
import java.util.List;
import java.util.Locale;

/** Draws a {@link BarChart} as inline SVG: labels on the left, stacked bars, the total at each bar's end. */
final class SvgBarChart {
    private static final int WIDTH = 560;
    private static final int LABEL_WIDTH = 220;
    private static final int VALUE_WIDTH = 70;
    private static final int ROW = 24;
    private static final int BAR = 15;
    private static final int LEGEND = 26;
    /** Labels longer than this are cut in the middle with an ellipsis; the whole label is in the hover title. */
    private static final int LABEL_CHARS = 32;

    private SvgBarChart() {
    }

    static String svg(BarChart chart) {
        if (chart.bars().isEmpty()) {
            return "<p class=\"empty\">(none)</p>\n";
        }
        int height = chart.bars().size() * ROW + (chart.parts().size() > 1 ? LEGEND : 4);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n",
                WIDTH, height, WIDTH, height, Html.escape(chart.title())));
        long max = chart.bars().stream().mapToLong(BarChart.Bar::total).max().orElse(0);
        double scale = max == 0 ? 0 : (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / (double) max;
        int y = 2;
        for (BarChart.Bar bar : chart.bars()) {
            svg.append("<g><title>").append(Html.escape(tooltip(chart.parts(), bar))).append("</title>");
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\">%s</text>",
                    LABEL_WIDTH - 8, y + BAR - 3, Html.escape(shortened(bar.label()))));
            double x = LABEL_WIDTH;
            for (int i = 0; i < bar.values().size(); i++) {
                double w = bar.values().get(i) * scale;
                if (w > 0) {
                    svg.append(String.format(Locale.ROOT,
                            "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\"/>",
                            chart.parts().get(i).tone().cssClass(), x, y, Math.max(w, 1), BAR));
                }
                x += w;
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s</text></g>\n",
                    x + 6, y + BAR - 3, count(bar.total())));
            y += ROW;
        }
        if (chart.parts().size() > 1) {
            legend(svg, chart.parts(), y + 6);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg, List<BarChart.Part> parts, int y) {
        int x = LABEL_WIDTH;
        for (BarChart.Part part : parts) {
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" rx=\"2\"/>"
                            + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>\n",
                    part.tone().cssClass(), x, y, x + 14, y + 9, Html.escape(part.name())));
            x += 24 + part.name().length() * 7;
        }
    }

    private static String tooltip(List<BarChart.Part> parts, BarChart.Bar bar) {
        StringBuilder text = new StringBuilder(bar.label());
        for (int i = 0; i < parts.size(); i++) {
            text.append(i == 0 ? ": " : ", ").append(count(bar.values().get(i))).append(' ').append(parts.get(i).name());
        }
        return text.toString();
    }

    /**
     * A label cut in the middle: its start says what it is (the host, the top directory) and its end what
     * differs (the file: {@code /usr/lib/locale/C.utf8/LC_ADDRESS} and {@code .../LC_ADDRESS} beside
     * {@code .../LC_MEASUREMENT}), so the end is kept longer.
     */
    static String shortened(String label) {
        if (label.length() <= LABEL_CHARS) {
            return label;
        }
        int head = LABEL_CHARS / 3;
        int tail = label.length() - (LABEL_CHARS - head - 1);
        // Never split a surrogate pair: half an emoji is not text.
        if (Character.isHighSurrogate(label.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(label.charAt(tail))) {
            tail++;
        }
        return label.substring(0, head) + "…" + label.substring(tail);
    }

    /** A figure on a chart (bar ends, axis ticks), written as the text tables write counts. */
    static String count(long value) {
        return ValueText.of(ColumnKind.COUNT, value, new RenderOptions(false));
    }
}
