package dev.tracekit.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * tracekit's version, one string for every tool (analyzer, recorder, fleet) and every recording's
 * {@code tracekit.recorder_version}: the build's version, filtered into a resource of this module.
 */
public final class TracekitVersion {
    private static final String VERSION = load();

    private TracekitVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TracekitVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
