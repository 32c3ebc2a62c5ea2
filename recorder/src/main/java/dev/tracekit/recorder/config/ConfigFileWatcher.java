package dev.tracekit.recorder.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Notices when the --config file's content changes; polled once per interval (cheaper than a WatchService thread). */
public final class ConfigFileWatcher {
    private final Path file;
    private byte[] lastContent;

    public ConfigFileWatcher(Path file, byte[] initialContent) {
        this.file = file;
        this.lastContent = initialContent;
    }

    public Path file() {
        return file;
    }

    /** The new content when it differs from the last seen; empty when unchanged or unreadable mid-write. */
    public Optional<byte[]> changedContent() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (Arrays.equals(content, lastContent)) {
            return Optional.empty();
        }
        lastContent = content;
        return Optional.of(content);
    }
}
