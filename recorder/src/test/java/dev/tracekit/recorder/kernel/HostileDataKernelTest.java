package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.OpenEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What traced processes choose (their name, the paths they open) reaches the recording byte for byte: no
 * decoding, no escaping, no cut other than the kernel's own limits.
 */
@KernelTest
class HostileDataKernelTest {
    private static final int ENOENT = 2;
    private static final int ENAMETOOLONG = 36;
    private static final int PATH_MAX = 4096;
    /** A colour escape, bytes that are not UTF-8, a newline and a bell: 11 of the 15 bytes a comm may hold. */
    private static final byte[] COMM = bytes("\u001b[31m", new byte[] {(byte) 0xff, (byte) 0xfe}, "\n\u0007tk");

    @TempDir
    Path tmp;

    @Test
    void namesAndPathsAreStoredExactlyAsTheProcessGaveThem() throws Exception {
        String dir = tmp + "/";
        List<byte[]> paths = List.of(
                bytes(dir + "new\nline"),
                bytes(dir + "\u001b]0;owned\u0007\u001b[2J\u001b[H"), // set the title, clear the screen
                bytes(dir, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80}, " not utf-8"),
                longPath(dir, PATH_MAX - 1), // the longest path the kernel takes
                longPath(dir, PATH_MAX)); // one byte too long: ENAMETOOLONG, stored cut at 4095 bytes
        List<String> commands = new ArrayList<>(List.of("comm", HexFormat.of().formatHex(COMM), "wait"));
        paths.forEach(path -> commands.addAll(List.of("openhex", HexFormat.of().formatHex(path))));
        try (Workload workload = Workload.start("tk-hostile", commands.toArray(String[]::new))) {
            assertEquals(0, workload.result("comm"));
            Path rec = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(rec, "--events", "opens", "-p", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            for (int i = 0; i < paths.size() - 1; i++) {
                assertEquals(-ENOENT, workload.result("openhex"));
            }
            assertEquals(-ENAMETOOLONG, workload.result("openhex"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(rec, RecordingStream.OPENS);
            assertEquals(paths.size(), opens.size(), () -> "opens: " + opens);
            for (int i = 0; i < paths.size() - 1; i++) {
                OpenEvent open = opens.get(i);
                byte[] expected = paths.get(i);
                assertAll("open " + i,
                        () -> assertArrayEquals(COMM, array(open.getHeader().getComm())),
                        () -> assertArrayEquals(expected, array(open.getPath())),
                        () -> assertFalse(open.getPathTruncated()),
                        () -> assertEquals(-ENOENT, open.getResult()));
            }
            OpenEvent tooLong = opens.getLast();
            assertArrayEquals(Arrays.copyOf(paths.getLast(), PATH_MAX - 1), array(tooLong.getPath()));
            assertTrue(tooLong.getPathTruncated());
            assertEquals(-ENAMETOOLONG, tooLong.getResult());
        }
    }

    /** A path of exactly {@code length} bytes under {@code dir} that does not exist, with hostile bytes in it. */
    private static byte[] longPath(String dir, int length) {
        ByteArrayOutputStream path = new ByteArrayOutputStream();
        path.writeBytes(bytes(dir + "missing"));
        byte[] component = bytes("/\u001b[1m", new byte[] {(byte) 0xff}, "x".repeat(200), "\n");
        while (path.size() + component.length < length) {
            path.writeBytes(component);
        }
        path.write('/');
        while (path.size() < length) {
            path.write('y'); // the last component is short: under NAME_MAX
        }
        return path.toByteArray();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] array(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
