package dev.tracekit.testdata;

import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.ProcessSnapshotCodec;
import dev.tracekit.recording.RecordingFileWriter;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;

/**
 * Syscall figures added to a copy of the app-1 fixture ({@link ServiceScenario}), written with its header facts and
 * snapshot: calls of its processes at moments before and after an exec, a fork and a pid's reuse, and of a pid no
 * one had, for tests of who made them (top commands and services).
 *
 * <table>
 * <caption>calls per process and step (100 ms from the recording's start)</caption>
 * <tr><th>pid</th><th>step</th><th>calls</th><th>who</th></tr>
 * <tr><td>800</td><td>2</td><td>40</td><td>nginx's master</td></tr>
 * <tr><td>810</td><td>8</td><td>7</td><td>forked by systemd, not yet exec'd</td></tr>
 * <tr><td>810</td><td>9</td><td>30</td><td>exec'd as nginx</td></tr>
 * <tr><td>5000</td><td>10</td><td>12</td><td>old-job</td></tr>
 * <tr><td>5000</td><td>12</td><td>5</td><td>bash's fork of the reused pid</td></tr>
 * <tr><td>5000</td><td>14</td><td>9</td><td>its new-job</td></tr>
 * <tr><td>1300</td><td>16</td><td>25</td><td>redis in docker</td></tr>
 * <tr><td>4242</td><td>16</td><td>50</td><td>no process known</td></tr>
 * </table>
 */
public final class ServiceSyscalls {
    private static final long STEP_NS = 100_000_000L;
    private static final long[][] CALLS = {{800, 2, 40}, {810, 8, 7}, {810, 9, 30}, {5000, 10, 12}, {5000, 12, 5},
        {5000, 14, 9}, {1300, 16, 25}, {4242, 16, 50}};
    /** The docker container's cgroup: every third event is in it, whatever its process's. */
    private static final long DOCKER_CGROUP = 11;

    private ServiceSyscalls() {
    }

    /**
     * Writes a syscall-events file into {@code app} (a copy of x86_64-app1-v1.1), each call 50 ms into its step,
     * and with {@code counts} a syscall-counts file too, one row per process and step (counts carry no cgroup).
     */
    public static void write(Path app, boolean counts) throws IOException {
        RecordingMeta meta;
        byte[] snapshot;
        try (DataFileReader<Object> opens = new DataFileReader<>(app.resolve("opens-000001.avro").toFile(),
                new GenericDatumReader<>())) {
            meta = RecordingMeta.readFrom(opens::getMeta);
            snapshot = opens.getMeta(RecordingMeta.KEY_PROCESS_SNAPSHOT);
        }
        long start = ProcessSnapshotCodec.decode(snapshot).getTakenNs() + STEP_NS / 2; // as ServiceScenario takes it
        Map<String, byte[]> header = Map.of(RecordingMeta.KEY_PROCESS_SNAPSHOT, snapshot);
        try (RecordingFileWriter<SyscallEvent> events = RecordingFileWriter.create(app, RecordingStream.SYSCALL_EVENTS,
                1, meta, CodecSpec.parse("none"), null, header)) {
            for (long[] c : CALLS) {
                for (int i = 0; i < c[2]; i++) {
                    events.append(SyscallEvent.newBuilder()
                            .setHeader(new EventHeader(start + c[1] * STEP_NS + STEP_NS / 2 + i, (int) c[0], (int) c[0],
                                    0L, 0L, comm(), i % 3 == 0 ? DOCKER_CGROUP : 0, 0))
                            .setSyscall(i % 2).setArg0(0).setArg1(0).setArg2(0).setArg3(0).setArg4(0).setArg5(0)
                            .setRet(i % 4 == 0 ? -2 : 0).setDurationNs(100).setAbi(null).build());
                }
            }
        }
        if (!counts) {
            return;
        }
        try (RecordingFileWriter<SyscallCount> file = RecordingFileWriter.create(app, RecordingStream.SYSCALL_COUNTS, 1,
                meta, CodecSpec.parse("none"), null, header)) {
            for (long[] c : CALLS) {
                file.append(new SyscallCount(start + c[1] * STEP_NS, start + (c[1] + 1) * STEP_NS, (int) c[0], comm(), 0,
                        c[2], 1L, null, null, null));
            }
        }
    }

    private static ByteBuffer comm() {
        return ByteBuffer.wrap(new byte[] {'x'});
    }
}
