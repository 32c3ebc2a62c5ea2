package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.CgroupInfo;
import dev.tracekit.schema.ProcessInfo;
import dev.tracekit.schema.ProcessSnapshot;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSnapshotCodecTest {
    private static final byte[] HOSTILE_ARGV = {'s', 'h', 0, '-', 'c', 0, (byte) 0xff, 0x1b, '[', '2', 'J', 0};

    @Test
    void roundTripsByteForByte() {
        ProcessSnapshot snapshot = new ProcessSnapshot(42L, List.of(
                new ProcessInfo(1, 0, 10_000_000L, 0L, bytes("systemd"), bytes("/usr/lib/systemd/systemd"),
                        bytes("/sbin/init\0"), false, 1L),
                new ProcessInfo(2, 0, 10_000_000L, 0L, bytes("kthreadd"), null, bytes(""), false, 1L),
                new ProcessInfo(900, 1, 5_000_000_000L, 1000L, ByteBuffer.wrap(new byte[] {(byte) 0xfe, 'x'}),
                        bytes("/bin/sh"), ByteBuffer.wrap(HOSTILE_ARGV), true, 77L)),
                1, 4096, List.of(new CgroupInfo(1L, bytes("/")), new CgroupInfo(77L, bytes("/system.slice/x.service"))),
                true);
        ProcessSnapshot back = ProcessSnapshotCodec.decode(ProcessSnapshotCodec.encode(snapshot));
        assertEquals(snapshot, back);
        assertTrue(Arrays.equals(HOSTILE_ARGV, array(back.getProcesses().get(2).getCmdline())));
    }

    @Test
    void damageIsAnIllegalArgument() {
        byte[] encoded = ProcessSnapshotCodec.encode(new ProcessSnapshot(0L, List.of(), 0, 4096, List.of(), true));
        byte[] cut = Arrays.copyOf(encoded, encoded.length / 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessSnapshotCodec.decode(cut));
        assertTrue(e.getMessage().startsWith("damaged process snapshot"), e.getMessage());
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] array(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
