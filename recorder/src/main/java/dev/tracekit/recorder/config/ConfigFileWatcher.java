package dev.tracekit.recorder.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Notices when the --config file's content changes; polled once per interval (cheaper than a WatchService thread). */
public final class ConfigFileWatcher {
    private final Path file;
    private byte[] content;

    /** Reads the file's current content. */
    public ConfigFileWatcher(Path file) throws IOException {
        this.file = file;
        this.content = Files.readAllBytes(file);
    }

    public Path file() {
        return file;
    }

    /** The content last read. */
    public byte[] content() {
        return content.clone();
    }

    /** The new content when it differs from the last read; empty when unchanged or unreadable mid-write. */
    public Optional<byte[]> changedContent() {
        byte[] now;
        try {
            now = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (Arrays.equals(now, content)) {
            return Optional.empty();
        }
        content = now;
        return Optional.of(now.clone());
    }
}
