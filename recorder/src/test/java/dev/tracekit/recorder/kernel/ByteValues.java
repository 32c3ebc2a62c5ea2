package dev.tracekit.recorder.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The bytes fields of recorded events (comm, path, argv) as the kernel tests compare them. */
final class ByteValues {
    private ByteValues() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] array(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static String string(ByteBuffer buffer) {
        return new String(array(buffer), StandardCharsets.UTF_8);
    }
}
