package dev.tracekit.analyzer.render.html;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link TimeSeriesChart} as inline SVG: a step line over the windows, shaded bands where events were
 * lost, y gridlines at round values, x ticks in seconds from the start. Every window has a hover title.
 */
final class SvgTimeSeriesChart {
    private static final int WIDTH = 1160;
    private static final int HEIGHT = 250;
    private static final int LEFT = 78;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;
    private static final int Y_TICKS = 4;
    private static final int X_TICKS = 10;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int AXIS_Y = TOP + PLOT_HEIGHT;

    private SvgTimeSeriesChart() {
    }

    static String svg(TimeSeriesChart chart) {
        List<TimeSeriesChart.Point> points = chart.points();
        if (points.isEmpty()) {
            return "<p class=\"empty\">(no intervals recorded)</p>\n";
        }
        double max = points.stream().mapToDouble(TimeSeriesChart.Point::value).max().orElse(0);
        double yStep = niceStep(max / Y_TICKS);
        double yMax = Math.max(yStep, Math.ceil(max / yStep) * yStep);
        double windowWidth = (double) PLOT_WIDTH / points.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(chart.title())));
        lossBands(svg, points, windowWidth);
        yGrid(svg, yStep, yMax);
        stepLine(svg, points, windowWidth, yMax);
        xAxis(svg, chart, points.size());
        legend(svg);
        // Drawn last so they are on top and every window answers a hover, not only its line.
        for (int i = 0; i < points.size(); i++) {
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"hover\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s</title></rect>\n",
                    LEFT + i * windowWidth, TOP, windowWidth, PLOT_HEIGHT, Html.escape(points.get(i).tooltip())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void lossBands(StringBuilder svg, List<TimeSeriesChart.Point> points, double windowWidth) {
        for (int i = 0; i < points.size(); i++) {
            TimeSeriesChart.Point p = points.get(i);
            String band = p.figuresLost() ? "lost" : p.otherLost() ? "lost-other" : null;
            if (band != null) {
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"band %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>\n",
                        band, LEFT + i * windowWidth, TOP, windowWidth, PLOT_HEIGHT));
            }
        }
    }

    private static void yGrid(StringBuilder svg, double yStep, double yMax) {
        for (int t = 0; t * yStep <= yMax + yStep / 2; t++) {
            double y = AXIS_Y - t * yStep / yMax * PLOT_HEIGHT;
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick y\" x=\"%d\" y=\"%.1f\">%s</text>\n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 8, y + 4, SvgBarChart.count(Math.round(t * yStep))));
        }
    }

    /** Each window's value as a flat step, filled below and outlined. */
    private static void stepLine(StringBuilder svg, List<TimeSeriesChart.Point> points, double windowWidth, double yMax) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double y = AXIS_Y - points.get(i).value() / yMax * PLOT_HEIGHT;
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f H%.1f ", i == 0 ? "M" : "L", LEFT + i * windowWidth, y,
                    LEFT + (i + 1) * windowWidth));
        }
        svg.append(String.format(Locale.ROOT, "<path class=\"area\" d=\"%sV%d H%d Z\"/>\n", line, AXIS_Y, LEFT));
        svg.append("<path class=\"line\" d=\"").append(line.toString().strip()).append("\"/>\n");
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
    private static void xAxis(StringBuilder svg, TimeSeriesChart chart, int windows) {
        double seconds = windows * chart.windowNs() / 1e9;
        double step = niceStep(seconds / X_TICKS);
        for (int t = 0; t * step <= seconds + step / 1000; t++) {
            double x = LEFT + t * step / seconds * PLOT_WIDTH;
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text class=\"tick x\" x=\"%.1f\" y=\"%d\">+%s s</text>\n",
                    x, AXIS_Y, x, AXIS_Y + 5, x, AXIS_Y + 18, seconds(t * step)));
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
