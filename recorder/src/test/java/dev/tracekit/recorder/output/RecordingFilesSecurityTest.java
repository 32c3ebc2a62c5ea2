package dev.tracekit.recorder.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recorder.ffm.Libc;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings hold paths and process names: private modes, and never written through a planted link. */
class RecordingFilesSecurityTest {
    private static final RecordingMeta META = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "id", "host",
            "6.18", "x86_64", 0, "boot", "test", "tracekit record", "{}");
    private static final byte[] VICTIM = "someone else's file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void theDirectoryIs0750AndEveryFile0640OrStricter() throws IOException {
        Path dir = OutputDirectory.prepare(tmp.resolve("rec"));
        assertAtMost("rwxr-x---", dir);
        try (RecordingOutput output = new RecordingOutput(dir, META, CodecFactory.nullCodec(), RotationPolicy.NEVER,
                EnumSet.allOf(RecordingStream.class), () -> 0, RecordObserver.NONE, () -> null)) {
            output.endInterval();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(RecordingStream.values().length, all.size());
            all.forEach(file -> assertAtMost("rw-r-----", file));
        }
    }

    @Test
    void anExistingEmptyDirectoryIsMadePrivate() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        OutputDirectory.prepare(open);
        assertEquals("rwxr-x---", mode(open));
    }

    @Test
    void anExistingDirectoryOfAnotherUserIsRefused() throws IOException {
        Assumptions.assumeTrue(Libc.geteuid() == 0, "only root can give a directory away");
        Path theirs = Files.createDirectory(tmp.resolve("theirs"));
        UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputDirectory.prepare(theirs));
        assertEquals("output directory " + theirs + " belongs to nobody, not to this user; refusing to record into it",
                e.getMessage());
    }

    @Test
    void aSymlinkAtTheOutputPathIsRefusedNotFollowed() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("rec"), target);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputDirectory.prepare(link));
        assertEquals("output " + link + " is a symbolic link; refusing to follow it", e.getMessage());
        assertEquals("rwxr-xr-x", mode(target));

        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("not-yet"));
        assertThrows(IllegalArgumentException.class, () -> OutputDirectory.prepare(dangling));
        assertTrue(Files.notExists(tmp.resolve("not-yet")), "nothing is created where the link points");
    }

    @Test
    void aSymlinkPlantedAtTheNextFileStopsRotationAndLeavesItsTargetAlone() throws IOException {
        Path dir = OutputDirectory.prepare(tmp.resolve("rec"));
        Path victim = tmp.resolve("victim");
        Files.write(victim, VICTIM);
        Path planted = Files.createSymbolicLink(dir.resolve(RecordingStream.INTERVALS.fileName(2)), victim);
        try (RotatingStreamWriter<IntervalStats> writer = new RotatingStreamWriter<>(dir, RecordingStream.INTERVALS,
                META, CodecFactory.nullCodec(), new RotationPolicy(1, 0, 0), () -> 0, RecordObserver.NONE,
                Map::of)) {
            writer.append(new IntervalStats(0L, 1L, 0L, Map.of(), List.of(), 0L));
            assertThrows(FileAlreadyExistsException.class, writer::endInterval);
        }
        assertArrayEquals(VICTIM, Files.readAllBytes(victim));
        assertTrue(Files.isSymbolicLink(planted));
    }

    /** The mode grants nothing beyond {@code allowed}; a umask may take more away. */
    private static void assertAtMost(String allowed, Path path) {
        String mode = mode(path);
        for (int i = 0; i < mode.length(); i++) {
            if (mode.charAt(i) != '-' && mode.charAt(i) != allowed.charAt(i)) {
                throw new AssertionError(path + " has mode " + mode + ", more than " + allowed);
            }
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
