package dev.tracekit.analyzer.render;

/** @param relativeTimes show times as seconds since the recording's start instead of UTC */
public record RenderOptions(boolean relativeTimes) {
}
