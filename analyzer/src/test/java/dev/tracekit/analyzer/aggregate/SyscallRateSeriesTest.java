package dev.tracekit.analyzer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.FilterOptions;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.Catalog;
import dev.tracekit.analyzer.input.Diagnostics;
import dev.tracekit.analyzer.input.InputScanner;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.input.RecordingReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The rate chart's series against brute force: the fixture's records and interval statistics read with
 * Avro's generic reader, summed per window by hand. Both syscall sources (in-kernel counts and per-event
 * records) and windows wider than the recorder's interval.
 */
class SyscallRateSeriesTest {
    private static final long SECOND = 1_000_000_000L;

    /** What a window should hold, computed without the analyzer. */
    private record Expected(long calls, long errors, long lostSyscalls, long lostOther) {
    }

    @ParameterizedTest(name = "{0}, windows of {1} s")
    @CsvSource({"syscall-counts, 1", "syscall-counts, 3", "syscall-events, 1", "syscall-events, 4"})
    void windowsMatchBruteForce(String stream, long windowSeconds) {
        Catalog catalog = InputScanner.scan(List.of(Fixtures.web()), new Diagnostics());
        Recording web = catalog.recordings().getFirst();
        // Per-event records are the source only when a filter needs them; the filter is not applied here.
        SyscallSource source = SyscallSource.choose(catalog.recordings(),
                stream.equals("syscall-events") ? filters("-t", "1") : filters());
        long windowNs = windowSeconds * SECOND;
        List<ReportAggregate> parts = new RecordingReader(catalog, new Diagnostics(), 3)
                .readUnordered(source.streams(), () -> new ReportAggregate(source, windowNs));
        ReportAggregate aggregate = parts.getFirst();
        parts.subList(1, parts.size()).forEach(aggregate::merge);

        SyscallRateSeries series = aggregate.rates(web, source);
        List<Expected> expected = bruteForce(Fixtures.web(), stream, windowNs);
        assertEquals(expected.size(), series.windows().size());
        long start = web.startBootNs().getAsLong();
        for (int i = 0; i < expected.size(); i++) {
            SyscallRateSeries.Window w = series.windows().get(i);
            assertEquals(start + i * windowNs, w.startBootNs());
            assertEquals(expected.get(i), new Expected(w.calls(), w.errors(), w.lostSyscalls(), w.lostOther()),
                    "window " + i);
            assertEquals(w.calls() / (double) windowSeconds, series.ratePerSecond(w), 1e-9);
        }
        assertEquals(stream.equals("syscall-counts") ? 0 : 120,
                series.windows().stream().mapToLong(SyscallRateSeries.Window::lostSyscalls).sum(),
                "the fixture lost 120 syscall events and no counts");
        assertTrue(series.windows().stream().anyMatch(w -> w.lostOther() == 9), "7 opens + 2 kills lost in interval 4");
    }

    @Test
    void windowsAreTheRecordersIntervalUnlessThatGivesTooMany() {
        List<Recording> web = InputScanner.scan(List.of(Fixtures.web()), new Diagnostics()).recordings();
        assertEquals(SECOND, SyscallRateSeries.windowFor(web, 120));
        assertEquals(SECOND, SyscallRateSeries.windowFor(web, 10));
        assertEquals(3 * SECOND, SyscallRateSeries.windowFor(web, 4), "10 one-second intervals in at most 4 windows");
    }

    private static FilterSpec filters(String... args) {
        FilterOptions options = new FilterOptions();
        new CommandLine(options).parseArgs(args);
        return options.toSpec();
    }

    private static List<Expected> bruteForce(Path dir, String stream, long windowNs) {
        List<GenericRecord> intervals = records(dir, "intervals");
        long start = intervals.stream().mapToLong(r -> (Long) r.get("interval_start_ns")).min().orElseThrow();
        long end = intervals.stream().mapToLong(r -> (Long) r.get("interval_end_ns")).max().orElseThrow();
        int count = (int) ((end - start + windowNs - 1) / windowNs);
        long[][] sums = new long[count][4];
        for (GenericRecord r : records(dir, stream)) {
            boolean counts = stream.equals("syscall-counts");
            long ts = counts ? (Long) r.get("interval_start_ns") : (Long) ((GenericRecord) r.get("header")).get("ts_ns");
            long[] window = sums[(int) ((ts - start) / windowNs)];
            if (counts) {
                window[0] += (Long) r.get("count");
                window[1] += (Long) r.get("errors");
            } else {
                long ret = (Long) r.get("ret");
                window[0]++;
                window[1] += ret >= -4095 && ret <= -1 ? 1 : 0;
            }
        }
        String lostFamily = stream.equals("syscall-counts") ? "SYSCALL_COUNTS" : "SYSCALL_EVENTS";
        for (GenericRecord interval : intervals) {
            long[] window = sums[(int) (((Long) interval.get("interval_start_ns") - start) / windowNs)];
            for (Object o : (List<?>) interval.get("drops")) {
                GenericRecord drop = (GenericRecord) o;
                String family = drop.get("family").toString();
                long lost = ((Number) drop.get("count")).longValue();
                if (family.equals(lostFamily)) {
                    window[2] += lost;
                } else if (family.equals("OPENS") || family.equals("KILLS")) {
                    window[3] += lost;
                }
            }
        }
        return Stream.of(sums).map(s -> new Expected(s[0], s[1], s[2], s[3])).toList();
    }

    private static List<GenericRecord> records(Path dir, String stream) {
        List<GenericRecord> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(stream + "-\\d+\\.avro")).sorted().toList()) {
                try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                    reader.forEach(all::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
