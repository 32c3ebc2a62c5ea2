package dev.tracekit.analyzer.render;

/** A raw number as recorded and its decoded name, shown side by side in JSON and CSV. */
public record Named(long raw, String name) {
}
