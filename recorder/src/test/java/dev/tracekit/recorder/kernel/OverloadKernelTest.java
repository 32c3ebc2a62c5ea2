package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.IntervalStats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer slower than its producers (two kill storms, each record's comm hashed by --redact): intervals still
 * close on time, --duration is honoured, and every signal sent is either recorded or counted lost. With libbpf
 * 1.1's ring_buffer__poll, which consumes for as long as producers produce, no interval closed during the storm.
 */
@KernelTest
class OverloadKernelTest {
    private static final int KILLS_PER_STORM = 400_000;
    private static final long INTERVAL_NS = 200_000_000L;
    private static final int DURATION_S = 6;

    @TempDir
    Path tmp;

    private static Workload storm(String name, Workload target) throws Exception {
        return Workload.start(name, "wait", "kills", Integer.toString(KILLS_PER_STORM), Integer.toString(target.pid()), "0");
    }

    @Test
    void anOverloadedRecorderKeepsTimeAndCountsEveryLoss() throws Exception {
        try (Workload target = Workload.start("tk-storm-target", "sleep", "30000");
                Workload a = storm("tk-storm-a", target);
                Workload b = storm("tk-storm-b", target)) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "kills", "-p", a.pid() + "," + b.pid(),
                    "--redact", "comm", "--redact-key", tmp.resolve("key").toString(), "-i", "200ms",
                    "-d", DURATION_S + "s");
            long startNs = System.nanoTime();
            a.go();
            b.go();
            assertEquals(KILLS_PER_STORM, a.result("kills"));
            assertEquals(KILLS_PER_STORM, b.result("kills"));
            double stormSeconds = (System.nanoTime() - startNs) / 1e9;
            assertTrue(stormSeconds < DURATION_S - 1, "the storms took " + stormSeconds + " s: too long to be counted whole");
            assertEquals(0, run.awaitExit(), run.err());
            double seconds = (System.nanoTime() - startNs) / 1e9;

            List<IntervalStats> intervals = Recordings.read(dir, RecordingStream.INTERVALS);
            long recorded = Recordings.read(dir, RecordingStream.KILLS).size();
            long dropped = intervals.stream().flatMap(i -> i.getDrops().stream()).mapToLong(Drop::getCount).sum();
            assertTrue(dropped > 0, "the storms did not overload the recorder (" + recorded + " recorded): no test");
            assertEquals(2L * KILLS_PER_STORM, recorded + dropped, () -> "recorded " + recorded + " + dropped " + dropped);
            for (IntervalStats interval : intervals) {
                long length = interval.getIntervalEndNs() - interval.getIntervalStartNs();
                assertTrue(length <= INTERVAL_NS + 300_000_000L,
                        () -> "an interval of " + length / 1e6 + " ms: the consumer kept the loop from closing it");
            }
            assertTrue(seconds < DURATION_S + 1.0, "a " + DURATION_S + " s recording took " + seconds + " s from the storms' start");
        }
    }
}
