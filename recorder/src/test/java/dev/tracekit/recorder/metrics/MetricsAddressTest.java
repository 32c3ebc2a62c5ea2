package dev.tracekit.recorder.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsAddressTest {
    @ParameterizedTest
    @CsvSource({
            "9464, 127.0.0.1, 9464",
            "127.0.0.1:9464, 127.0.0.1, 9464",
            "0.0.0.0:80, 0.0.0.0, 80",
            "localhost:9100, localhost, 9100",
            "'[::1]:9464', ::1, 9464"})
    void parsesPortHostAndIpv6(String text, String host, int port) {
        assertEquals(new MetricsAddress(host, port), MetricsAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "65536", "host:", ":9464", "::1:9464", "a:b:9464", "9464x"})
    void refusesAnythingElseInOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsAddress.parse(text));
        assertEquals("--metrics takes PORT, HOST:PORT or [IPV6]:PORT (port 1..65535), got '" + text + "'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"9464, 127.0.0.1:9464", "'[::1]:9464', '[::1]:9464'"})
    void printsAsItIsWritten(String text, String printed) {
        assertEquals(printed, MetricsAddress.parse(text).toString());
    }
}
