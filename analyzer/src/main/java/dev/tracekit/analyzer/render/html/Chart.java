package dev.tracekit.analyzer.render.html;

/** A chart of the report, drawn as inline SVG: the page needs no script, font or image from anywhere. */
public sealed interface Chart permits BarChart, TimeSeriesChart {
    String title();
}
