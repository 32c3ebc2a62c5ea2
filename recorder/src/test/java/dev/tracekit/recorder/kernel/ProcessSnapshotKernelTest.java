package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recorder.host.BootClock;
import dev.tracekit.recording.ProcessSnapshotCodec;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file of a recording carries the processes alive when it was started, so each stands alone. */
@KernelTest
class ProcessSnapshotKernelTest {
    @TempDir
    Path tmp;

    @Test
    void everyFileSaysWhoWasRunningWhenItStarted() throws Exception {
        long beforeNs = BootClock.nowNs();
        try (Workload early = Workload.start("tk-snap-early", "wait", "sleep", "30000")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(early.pid()),
                    "-i", "300ms", "--rotate-time", "300ms", "-d", "2s");
            Thread.sleep(700);
            try (Workload late = Workload.start("tk-snap-late", "wait", "sleep", "30000")) {
                assertEquals(0, run.awaitExit(), run.err());
                List<Path> opens = files(dir, "opens-");
                assertTrue(opens.size() >= 3, "rotated: " + opens);
                ProcessSnapshot first = snapshot(opens.getFirst());
                ProcessSnapshot last = snapshot(opens.getLast());

                ProcessInfo seen = process(first, early.pid()).orElseThrow(() -> new AssertionError("no early workload"));
                assertEquals(ProcessHandle.current().pid(), seen.getPpid());
                assertArrayEquals(cmdline(Workload.binary("tk-snap-early").toString(), "wait", "sleep", "30000"),
                        array(seen.getCmdline()));
                assertFalse(seen.getCmdlineTruncated());
                assertArrayEquals("tk-snap-early".getBytes(), array(seen.getComm()));
                assertTrue(seen.getStartTimeNs() >= beforeNs - 20_000_000L && seen.getStartTimeNs() <= first.getTakenNs(),
                        "start time on the boot clock (10 ms ticks)");
                assertTrue(seen.getCgroupId() != 0, "a cgroup id on cgroup2");
                assertTrue(first.getCgroups().stream().anyMatch(c -> c.getId() == seen.getCgroupId()));
                assertTrue(first.getPidNamespaceIsInit());
                assertTrue(process(first, late.pid()).isEmpty(), "the late process did not exist yet");
                assertTrue(process(last, late.pid()).isPresent(), "a file started later knows the late process");
                assertTrue(last.getTakenNs() > first.getTakenNs());

                byte[] opensFirst = rawSnapshot(opens.getFirst());
                byte[] intervalsFirst = rawSnapshot(files(dir, "intervals-").getFirst());
                assertArrayEquals(opensFirst, intervalsFirst, "files started together share one snapshot");
            }
        }
    }

    private static Optional<ProcessInfo> process(ProcessSnapshot snapshot, int pid) {
        return snapshot.getProcesses().stream().filter(p -> p.getPid() == pid).findFirst();
    }

    private static ProcessSnapshot snapshot(Path file) throws IOException {
        return ProcessSnapshotCodec.decode(rawSnapshot(file));
    }

    private static byte[] rawSnapshot(Path file) throws IOException {
        try (DataFileReader<Object> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            byte[] bytes = reader.getMeta(RecordingMeta.KEY_PROCESS_SNAPSHOT);
            if (bytes == null) {
                throw new AssertionError(file + " has no process snapshot");
            }
            return bytes;
        }
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static byte[] cmdline(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String arg : args) {
            out.writeBytes(arg.getBytes());
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] array(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
