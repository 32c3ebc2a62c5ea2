package dev.tracekit.analyzer.render.html;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link TimeSeriesChart} as inline SVG: a step line over the windows, shaded bands where events were
 * lost, y gridlines at round values, x ticks in seconds from the start. Every window has a hover title.
 */
final class SvgTimeSeriesChart {
    static final int WIDTH = 1160;
    private static final int HEIGHT = 250;
    private static final int LEFT = 78;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;
    private static final int Y_TICKS = 4;
    private static final int X_TICKS = 10;

    private SvgTimeSeriesChart() {
    }

    static String svg(TimeSeriesChart chart) {
        List<TimeSeriesChart.Point> points = chart.points();
        if (points.isEmpty()) {
            return "<p class=\"empty\">(no intervals recorded)</p>\n";
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double max = points.stream().mapToDouble(TimeSeriesChart.Point::value).max().orElse(0);
        double yStep = niceStep(max / Y_TICKS);
        double yMax = Math.max(yStep, Math.ceil(max / yStep) * yStep);
        double windowWidth = plotWidth / points.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(chart.title())));
        for (int i = 0; i < points.size(); i++) {
            TimeSeriesChart.Point p = points.get(i);
            String band = p.figuresLost() ? "lost" : p.otherLost() ? "lost-other" : null;
            if (band != null) {
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"band %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\"/>\n",
                        band, LEFT + i * windowWidth, TOP, windowWidth, plotHeight));
            }
        }
        for (int t = 0; t * yStep <= yMax + yStep / 2; t++) {
            double y = TOP + plotHeight - t * yStep / yMax * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick y\" x=\"%d\" y=\"%.1f\">%s</text>\n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 8, y + 4, SvgBarChart.count(Math.round(t * yStep))));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double y = TOP + plotHeight - points.get(i).value() / yMax * plotHeight;
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f H%.1f ", i == 0 ? "M" : "L", LEFT + i * windowWidth, y,
                    LEFT + (i + 1) * windowWidth));
        }
        svg.append(String.format(Locale.ROOT, "<path class=\"area\" d=\"%sV%.1f H%d Z\"/>\n", line, TOP + plotHeight, LEFT));
        svg.append("<path class=\"line\" d=\"").append(line.toString().strip()).append("\"/>\n");
        xAxis(svg, chart, points.size(), windowWidth, TOP + plotHeight);
        legend(svg);
        for (int i = 0; i < points.size(); i++) {
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"hover\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>\n",
                    LEFT + i * windowWidth, TOP, windowWidth, plotHeight, Html.escape(points.get(i).tooltip())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** What the bands mean, above the plot's right end. */
    private static void legend(StringBuilder svg) {
        int x = WIDTH - RIGHT - 420;
        svg.append(String.format(Locale.ROOT, "<rect class=\"lost\" x=\"%d\" y=\"6\" width=\"12\" height=\"12\"/>"
                + "<text class=\"legend\" x=\"%d\" y=\"16\">syscall records lost: rate too low</text>\n", x, x + 17));
        x += 225;
        svg.append(String.format(Locale.ROOT, "<rect class=\"lost-other\" x=\"%d\" y=\"6\" width=\"12\" height=\"12\"/>"
                + "<text class=\"legend\" x=\"%d\" y=\"16\">opens or signals lost</text>\n", x, x + 17));
    }

    /** Ticks at round numbers of seconds from the start, and the start itself in UTC under the axis. */
    private static void xAxis(StringBuilder svg, TimeSeriesChart chart, int windows, double windowWidth, double axisY) {
        double seconds = windows * chart.windowNs() / 1e9;
        double step = niceStep(seconds / X_TICKS);
        for (int t = 0; t * step <= seconds + step / 1000; t++) {
            double x = LEFT + t * step / seconds * (windows * windowWidth);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"tick x\" x=\"%.1f\" y=\"%.1f\">+%s s</text>\n",
                    x, axisY, x, axisY + 5, x, axisY + 18, seconds(t * step)));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\">%s</text>\n",
                LEFT, HEIGHT - 6, Html.escape("seconds since " + chart.startLabel() + "  ·  " + chart.unit())));
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? SvgBarChart.count((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}: gridlines people can read at a glance. */
    static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
