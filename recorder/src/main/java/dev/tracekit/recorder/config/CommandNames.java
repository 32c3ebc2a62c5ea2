package dev.tracekit.recorder.config;

import java.nio.charset.StandardCharsets;

/** Process names as filters compare them: the kernel keeps at most 15 bytes of a task's name. */
public final class CommandNames {
    public static final int MAX_BYTES = 15;

    private CommandNames() {
    }

    /** @throws IllegalArgumentException for a name the kernel could never hold */
    public static String check(String comm) {
        int bytes = comm.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("process name '" + PrintableText.of(comm) + "' must be 1.." + MAX_BYTES
                    + " bytes (the kernel truncates longer names)");
        }
        return comm;
    }
}
