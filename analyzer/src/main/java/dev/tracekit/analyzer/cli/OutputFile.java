package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The one rule for files the analyzer writes (report, export): an existing file is kept unless --force. */
final class OutputFile {
    private OutputFile() {
    }

    /** @throws TracekitException (bad input) when the file exists and {@code force} is off */
    static void checkNew(Path path, boolean force) {
        if (!force && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(path);
        }
    }

    /**
     * Opens the file for writing: created, or with {@code force} replaced.
     *
     * @throws TracekitException (bad input) when the file exists and {@code force} is off
     * @throws IOException       when it cannot be written
     */
    static BufferedWriter open(Path path, boolean force) throws IOException {
        try {
            return force ? Files.newBufferedWriter(path, StandardCharsets.UTF_8)
                    : Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw exists(path);
        }
    }

    private static TracekitException exists(Path path) {
        return TracekitException.badInput(path + ": already exists; add --force to overwrite it");
    }
}
