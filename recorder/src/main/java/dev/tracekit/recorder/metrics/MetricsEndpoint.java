package dev.tracekit.recorder.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The HTTP endpoint Prometheus scrapes ({@code /metrics}), open for the whole recording. */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    /**
     * Binds the address and starts serving, before anything is recorded, so a port in use ends the run at once.
     *
     * @throws IllegalArgumentException with one line saying why the address cannot be served
     */
    public static MetricsEndpoint start(MetricsAddress address, PrometheusRegistry registry) {
        InetAddress host;
        try {
            host = InetAddress.getByName(address.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--metrics " + address + ": no such address");
        }
        try {
            return new MetricsEndpoint(HTTPServer.builder().inetAddress(host).port(address.port()).registry(registry)
                    .buildAndStart());
        } catch (IOException e) {
            throw new IllegalArgumentException("--metrics " + address + ": cannot listen there (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
