package dev.tracekit.recorder.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** Makes the recording directory: mode 0750, never through a planted symlink, never over another recording. */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /** @throws IllegalArgumentException with a one-line reason when the directory cannot be used */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            throw new IllegalArgumentException("output " + dir + " is a symbolic link; refusing to follow it");
        }
        try {
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
                }
                try (Stream<Path> entries = Files.list(absolute)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("output directory " + dir + " is not empty");
                    }
                }
            } else {
                Files.createDirectories(absolute.getParent());
                Files.createDirectory(absolute,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
            }
            if (!Files.isWritable(absolute)) {
                throw new IllegalArgumentException("output directory " + dir + " is not writable");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output directory " + IoErrors.describe(e));
        }
        return absolute;
    }
}
