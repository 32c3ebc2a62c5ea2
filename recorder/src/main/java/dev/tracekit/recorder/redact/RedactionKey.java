package dev.tracekit.recorder.redact;

import dev.tracekit.recorder.output.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The host's secret for {@code --redact}: random bytes in a file that stays on the host. Recordings made with
 * the same key group equal values under equal names; without the key nobody can test a guess against them.
 * A missing file is created (mode 0600, parent 0700); an existing one must be a private regular file.
 */
public final class RedactionKey {
    /** As long as HMAC-SHA-256's output: a longer key adds nothing, a shorter one weakens it. */
    static final int BYTES = 32;

    private RedactionKey() {
    }

    /** @throws IllegalArgumentException with a one-line reason when the key cannot be used */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException raced) {
                    // another recorder created it first: use theirs, so both group values alike
                }
            }
            return load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("redaction key " + IoErrors.describe(e));
        }
    }

    private static byte[] create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        // CREATE_NEW is O_CREAT|O_EXCL: never through a planted symlink, never over another key
        try (SeekableByteChannel out = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            out.write(ByteBuffer.wrap(key));
        }
        return key;
    }

    private static byte[] load(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("redaction key " + file + " is not a regular file (symbolic links are refused)");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IllegalArgumentException("redaction key " + file + " is open to group or others (mode "
                    + PosixFilePermissions.toString(mode) + "); make it 0600");
        }
        byte[] key;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            key = in.readAllBytes();
        }
        if (key.length < BYTES) {
            throw new IllegalArgumentException("redaction key " + file + " holds " + key.length + " bytes; at least "
                    + BYTES + " are needed");
        }
        return key;
    }
}
