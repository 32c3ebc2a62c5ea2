package dev.tracekit.recorder.output;

import dev.tracekit.recorder.ffm.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the recording directory: mode 0750 (an existing empty one is made so, and must be the recorder's own),
 * never through a planted symlink, never over another recording.
 */
public final class OutputDirectory {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwxr-x---");

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
                // Whoever owns the directory could swap or read the files as they are written.
                int owner = (Integer) Files.getAttribute(absolute, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (owner != Libc.geteuid()) {
                    throw new IllegalArgumentException("output directory " + dir + " belongs to "
                            + Files.getOwner(absolute, LinkOption.NOFOLLOW_LINKS).getName()
                            + ", not to this user; refusing to record into it");
                }
                Files.setPosixFilePermissions(absolute, PRIVATE);
            } else {
                Files.createDirectories(absolute.getParent());
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PRIVATE));
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
