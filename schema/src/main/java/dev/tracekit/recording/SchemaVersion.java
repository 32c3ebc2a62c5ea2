package dev.tracekit.recording;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of tracekit's schemas a file was written with, as {@code tracekit.schema_version} says it.
 * A minor version only makes changes Avro resolves (fields added with defaults, enum symbols added behind a
 * default, promotions): a reader reads every minor version of its major, older or newer, through schema
 * resolution. A new major would mean a change resolution cannot bridge; readers refuse a major newer than
 * theirs. Version 1 files say {@code 1}, which is 1.0.
 */
public record SchemaVersion(int major, int minor) implements Comparable<SchemaVersion> {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?");

    public SchemaVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("no schema version " + major + "." + minor);
        }
    }

    /**
     * Parses {@code 1}, {@code 1.1}, ...
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SchemaVersion parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a schema version: '" + text + "'");
        }
        return new SchemaVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** True when a reader of this version can read a file of {@code written}: same major, or an older one. */
    public boolean reads(SchemaVersion written) {
        return written.major <= major;
    }

    @Override
    public int compareTo(SchemaVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** {@code 1} for 1.0, as version 1 wrote it; {@code major.minor} otherwise. */
    @Override
    public String toString() {
        return major == 1 && minor == 0 ? "1" : major + "." + minor;
    }
}
