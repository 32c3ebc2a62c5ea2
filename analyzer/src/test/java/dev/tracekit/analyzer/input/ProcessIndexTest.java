package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.ProcessSnapshotCodec;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.CgroupInfo;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer learns who each pid was from the snapshots in the files' headers, pid reuse included. */
class ProcessIndexTest {
    private static final long SECOND = 1_000_000_000L;
    private static final RecordingMeta META = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "rec-1", "web-1",
            "6.1", "x86_64", 0, "boot", "tracekit-test", "tracekit record", "{}");

    @TempDir
    Path dir;

    @Test
    void aReusedPidNamesTheProcessThatHadItThen() throws IOException {
        write(1, snapshot(10 * SECOND, process(500, 1 * SECOND, "old-worker")));
        write(2, snapshot(20 * SECOND, process(500, 15 * SECOND, "new-worker"), process(600, 2 * SECOND, "nginx")));
        write(3, new byte[] {1, 2, 3}); // a damaged snapshot: named from the others, with a note
        Diagnostics diagnostics = new Diagnostics();
        Recording recording = InputScanner.scan(List.of(dir), diagnostics).recordings().getFirst();
        ProcessIndex processes = recording.processes();

        assertEquals("old-worker", comm(processes.at(500, 12 * SECOND).orElseThrow()));
        assertEquals("new-worker", comm(processes.at(500, 16 * SECOND).orElseThrow()));
        assertTrue(processes.at(500, SECOND / 2).isEmpty(), "before either started");
        assertEquals("nginx", comm(processes.at(600, 12 * SECOND).orElseThrow()), "known from a later file");
        assertTrue(processes.at(700, 12 * SECOND).isEmpty());
        assertEquals("/system.slice/web.service", StandardCharsets.UTF_8.decode(processes.cgroupPath(9).orElseThrow()).toString());
        assertTrue(diagnostics.warnings().stream().anyMatch(w -> w.contains("opens-000003.avro: damaged process snapshot")),
                diagnostics.warnings().toString());
        assertFalse(diagnostics.partial(), "the events are all there: not partial");
    }

    @Test
    void recordingsWithoutSnapshotsHaveAnEmptyIndex() {
        Recording recording = InputScanner.scan(List.of(dev.tracekit.analyzer.Fixtures.web()),
                new Diagnostics()).recordings().getFirst();
        assertTrue(recording.processes().isEmpty());
    }

    private void write(int seq, byte[] snapshot) throws IOException {
        RecordingFileWriter.<OpenEvent>create(dir, RecordingStream.OPENS, seq, META, CodecSpec.parse("none"), null,
                Map.of(RecordingMeta.KEY_PROCESS_SNAPSHOT, snapshot)).close();
    }

    private static byte[] snapshot(long takenNs, ProcessInfo... processes) {
        return ProcessSnapshotCodec.encode(new ProcessSnapshot(takenNs, List.of(processes), 0, 4096,
                List.of(new CgroupInfo(9L, ByteBuffer.wrap("/system.slice/web.service".getBytes(StandardCharsets.UTF_8)))),
                true));
    }

    private static ProcessInfo process(int pid, long startNs, String comm) {
        return new ProcessInfo(pid, 1, startNs, 0L, ByteBuffer.wrap(comm.getBytes(StandardCharsets.UTF_8)), null,
                ByteBuffer.wrap((comm + "\0").getBytes(StandardCharsets.UTF_8)), false, 9L);
    }

    private static String comm(ProcessInfo p) {
        return StandardCharsets.UTF_8.decode(p.getComm().duplicate()).toString();
    }
}
