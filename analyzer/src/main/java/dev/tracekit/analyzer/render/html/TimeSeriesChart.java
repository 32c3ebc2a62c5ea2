package dev.tracekit.analyzer.render.html;

import java.util.List;

/**
 * A rate per time window, drawn as steps (a window's figure holds for all of it), with the windows in which
 * events were lost shaded.
 *
 * @param startLabel the series' start in UTC, which the x axis counts seconds from
 * @param windowNs   width of each window
 * @param unit       what the y axis counts, e.g. "calls/s"
 */
public record TimeSeriesChart(String title, String startLabel, long windowNs, String unit, List<Point> points)
        implements Chart {
    /**
     * @param value       the rate in the window
     * @param figuresLost events the plotted figure is counted from were lost here: the value is too low
     * @param otherLost   events of other families were lost here: other sections' figures are too low
     * @param tooltip     what hovering over the window shows
     */
    public record Point(double value, boolean figuresLost, boolean otherLost, String tooltip) {
    }
}
