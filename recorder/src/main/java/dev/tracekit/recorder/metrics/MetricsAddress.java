package dev.tracekit.recorder.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code record --metrics} listens: {@code PORT} (on loopback), {@code HOST:PORT} or {@code [IPV6]:PORT}.
 * Loopback unless the user names another address, so a recording host does not expose its activity by default.
 */
public record MetricsAddress(String host, int port) {
    private static final Pattern FORM = Pattern.compile("(?:(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]+):)?(\\d{1,5})");

    /** @throws IllegalArgumentException naming the accepted forms */
    public static MetricsAddress parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--metrics takes PORT, HOST:PORT or [IPV6]:PORT (port 1..65535), got '"
                    + text + "'");
        }
        String host = m.group(1) == null ? "127.0.0.1" : m.group(1).replaceAll("^\\[|\\]$", "");
        return new MetricsAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
