package dev.tracekit.recorder.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionKeyTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingKeyIsCreatedPrivateAndRandomThenReusedAsIs() throws Exception {
        Path file = tmp.resolve("keys").resolve("redact.key");
        byte[] created = RedactionKey.loadOrCreate(file);
        assertEquals(RedactionKey.BYTES, created.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertArrayEquals(created, RedactionKey.loadOrCreate(file));
        assertFalse(java.util.Arrays.equals(created, RedactionKey.loadOrCreate(tmp.resolve("second.key"))));
    }

    @Test
    void aKeyOthersCanReadASymlinkOrAShortKeyIsRefused() throws Exception {
        Path readable = tmp.resolve("readable.key");
        Files.write(readable, new byte[RedactionKey.BYTES]);
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(refusal(readable).contains("is open to group or others (mode rw-r--r--); make it 0600"));

        Path link = tmp.resolve("link.key");
        Path target = tmp.resolve("target.key");
        Files.createSymbolicLink(link, target);
        assertTrue(refusal(link).contains("is not a regular file"), "a dangling link is not created through");
        assertFalse(Files.exists(target));

        Path shortKey = tmp.resolve("short.key");
        Files.write(shortKey, new byte[8]);
        Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
        assertTrue(refusal(shortKey).contains("holds 8 bytes; at least 32 are needed"));
    }

    private static String refusal(Path key) {
        return assertThrows(IllegalArgumentException.class, () -> RedactionKey.loadOrCreate(key)).getMessage();
    }
}
