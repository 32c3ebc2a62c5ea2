package dev.tracekit.analyzer.render;

/**
 * A point in time as recorded and as shown.
 *
 * @param bootNs      the recording's boot clock, as stored
 * @param wallNs      UTC ns since the epoch
 * @param sinceStartNs ns since the start of the recording, for {@code --relative}
 */
public record Timestamp(long bootNs, long wallNs, long sinceStartNs) {
}
