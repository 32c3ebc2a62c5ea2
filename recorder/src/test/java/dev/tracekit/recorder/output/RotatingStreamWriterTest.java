package dev.tracekit.recorder.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingStreamWriterTest {
    private static final RecordingMeta META = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "id", "host",
            "6.18", "x86_64", 0, "boot", "test", "tracekit record", "{}");

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();

    private RotatingStreamWriter<IntervalStats> writer(RotationPolicy policy) throws IOException {
        return new RotatingStreamWriter<>(dir, RecordingStream.INTERVALS, META, CodecFactory.nullCodec(), policy,
                clock::get, RecordObserver.NONE, Map::of);
    }

    private static IntervalStats stats(long start) {
        return new IntervalStats(start, start + 1, 0L, Map.of(), List.of(), 0L);
    }

    @Test
    void withoutLimitsEverythingStaysInTheFirstFile() throws IOException {
        try (RotatingStreamWriter<IntervalStats> writer = writer(RotationPolicy.NEVER)) {
            for (int i = 0; i < 3; i++) {
                writer.append(stats(i));
                writer.endInterval();
            }
            assertEquals(3, writer.records());
        }
        assertEquals(List.of("intervals-000001.avro"), files());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("intervals-000001.avro"))));
    }

    @Test
    void rotatesBySizeAndKeepsOnlyTheNewestFiles() throws IOException {
        try (RotatingStreamWriter<IntervalStats> writer = writer(new RotationPolicy(1, 0, 2))) {
            for (int i = 0; i < 5; i++) {
                writer.append(stats(i));
                writer.endInterval(); // every flushed file is over 1 byte
            }
            assertEquals(5, writer.records());
            assertTrue(writer.bytesWritten() > 0);
        }
        assertEquals(List.of("intervals-000005.avro", "intervals-000006.avro"), files());
    }

    @Test
    void rotatesByTime() throws IOException {
        try (RotatingStreamWriter<IntervalStats> writer = writer(new RotationPolicy(0, 10, 0))) {
            writer.append(stats(0));
            clock.set(5);
            writer.endInterval();
            clock.set(10);
            writer.endInterval();
        }
        assertEquals(List.of("intervals-000001.avro", "intervals-000002.avro"), files());
    }

    @Test
    void closingDiscardingBufferedKeepsOnlyWhatWasFlushed() throws IOException {
        RotatingStreamWriter<IntervalStats> writer = writer(RotationPolicy.NEVER);
        writer.append(stats(0));
        writer.endInterval();
        writer.append(stats(1)); // would count events whose own stream failed to reach the disk
        writer.closeDiscardingBuffered();
        assertTrue(writer.failed());
        try (DataFileReader<IntervalStats> file = new DataFileReader<>(dir.resolve("intervals-000001.avro").toFile(),
                new SpecificDatumReader<>(IntervalStats.class))) {
            List<Long> starts = new ArrayList<>();
            file.forEach(row -> starts.add(row.getIntervalStartNs()));
            assertEquals(List.of(0L), starts);
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
