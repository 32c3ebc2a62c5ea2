package dev.tracekit.recorder.output;

/**
 * When a stream starts a new file and how many it keeps, like sysdig's -C/-G/-W.
 *
 * @param maxBytes  start a new file once this many bytes are written (0: never by size)
 * @param maxAgeNs  start a new file once the current one is this old (0: never by time)
 * @param maxFiles  files kept per stream, oldest deleted first (0: all)
 */
public record RotationPolicy(long maxBytes, long maxAgeNs, int maxFiles) {
    public static final RotationPolicy NEVER = new RotationPolicy(0, 0, 0);

    public RotationPolicy {
        if (maxBytes < 0 || maxAgeNs < 0 || maxFiles < 0) {
            throw new IllegalArgumentException("rotation limits must not be negative");
        }
    }

    /** Whether a file of {@code bytes} opened {@code ageNs} ago should be closed for a new one. */
    public boolean due(long bytes, long ageNs) {
        return (maxBytes > 0 && bytes >= maxBytes) || (maxAgeNs > 0 && ageNs >= maxAgeNs);
    }
}
