package dev.tracekit.analyzer.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the analyzer runs on, as a recording's header names its host: whether a recorder's pid can be looked
 * up here at all. Read from /proc as the recorder reads them; empty text off Linux, where no recorder runs.
 */
final class LocalHost {
    private LocalHost() {
    }

    static String name() {
        return read("/proc/sys/kernel/hostname");
    }

    static String bootId() {
        return read("/proc/sys/kernel/random/boot_id");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
