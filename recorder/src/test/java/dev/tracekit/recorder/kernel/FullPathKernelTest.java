package dev.tracekit.recorder.kernel;

import static dev.tracekit.recorder.kernel.ByteValues.array;
import static dev.tracekit.recorder.kernel.ByteValues.bytes;
import static dev.tracekit.recorder.kernel.ByteValues.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relative opens get the directory they were looked up in from the kernel's dentries (bcc opensnoop -F):
 * through the cwd, a dirfd and a symlinked directory; absolute, failing, empty and over-deep paths are flagged
 * for what they are; and --path-prefix filters on the full path.
 */
@KernelTest
class FullPathKernelTest {
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int ENOENT = 2;
    private static final int EBADF = 9;
    /** The workload's first open: stdin, stdout and stderr are its only fds before it. */
    private static final String FIRST_FD = "3";

    @TempDir
    Path tmp;

    /** The directory as the kernel names it: the temporary directory may sit behind a symlink. */
    private Path real(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name)).toRealPath();
    }

    @Test
    void relativeOpensThroughTheCwdADirfdAndASymlinkedDirectoryGetTheirFullPath() throws Exception {
        Path cwd = real("cwd");
        Path etc = real("etc");
        Path target = real("target");
        Path link = Files.createSymbolicLink(tmp.toRealPath().resolve("link"), target);
        Path absolute = etc.resolve("absolute.conf");
        String create = Integer.toOctalString(O_WRONLY | O_CREAT);
        try (Workload workload = Workload.start("tk-fullpath", "wait",
                "open", etc.toString(), "0", "0",
                "chdir", cwd.toString(),
                "open", "rel-a.txt", create, "600",
                "openat", FIRST_FD, "shadow", "0",
                "chdir", link.toString(),
                "open", "via-link.txt", create, "600",
                "open", absolute.toString(), create, "600")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            assertEquals(3, workload.result("open"));
            assertEquals(0, workload.result("chdir"));
            assertTrue(workload.result("open") > 3);
            assertEquals(-ENOENT, workload.result("openat"));
            assertEquals(0, workload.result("chdir"));
            assertTrue(workload.result("open") > 3);
            assertTrue(workload.result("open") > 3);
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(5, opens.size(), () -> "opens: " + opens);
            assertAbsolute(opens.get(0), etc.toString());
            assertResolved(opens.get(1), -100, "rel-a.txt", cwd + "/rel-a.txt");
            OpenEvent viaDirfd = opens.get(2);
            assertResolved(viaDirfd, 3, "shadow", etc + "/shadow"); // failed (ENOENT): the directory is still known
            assertEquals(-ENOENT, viaDirfd.getResult());
            // the cwd is the symlink's target: the kernel's dentries name the directory, not the way to it
            assertResolved(opens.get(3), -100, "via-link.txt", target + "/via-link.txt");
            assertAbsolute(opens.get(4), absolute.toString());
        }
    }

    @Test
    void aClosedDirfdFailsAnEmptyPathIsFlaggedAndAnOverDeepCwdIsCut() throws Exception {
        Path deep = tmp.toRealPath();
        for (int i = 0; i < 80; i++) { // past the 64 dentries walked
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        try (Workload workload = Workload.start("tk-fullpath", "wait",
                "openat", "999", "orphan.txt", "0",
                "openhex", "",
                "chdir", deep.toString(),
                "open", "deep.txt", "0", "0")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            assertEquals(-EBADF, workload.result("openat"));
            assertEquals(-ENOENT, workload.result("openhex"));
            assertEquals(0, workload.result("chdir"));
            assertEquals(-ENOENT, workload.result("open"));
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(3, opens.size(), () -> "opens: " + opens);
            OpenEvent orphan = opens.get(0);
            assertAll(
                    () -> assertEquals(999, orphan.getDirfd()),
                    () -> assertArrayEquals(bytes("orphan.txt"), array(orphan.getPath())),
                    () -> assertEquals(FullPathStatus.FAILED, orphan.getFullPathStatus()),
                    () -> assertNull(orphan.getFullPath()),
                    () -> assertEquals(-EBADF, orphan.getResult()));
            OpenEvent empty = opens.get(1);
            assertAll(
                    () -> assertEquals(0, empty.getPath().remaining()),
                    () -> assertEquals(FullPathStatus.EMPTY, empty.getFullPathStatus()),
                    () -> assertNull(empty.getFullPath()));
            OpenEvent cut = opens.get(2);
            String full = deep + "/deep.txt";
            String kept = string(cut.getFullPath());
            assertAll(
                    () -> assertEquals(FullPathStatus.TOO_DEEP, cut.getFullPathStatus()),
                    () -> assertArrayEquals(bytes("deep.txt"), array(cut.getPath())),
                    () -> assertFalse(kept.startsWith("/"), "a cut directory must not pass for absolute: " + kept),
                    () -> assertTrue(full.endsWith("/" + kept), kept + " is not the tail of " + full),
                    () -> assertTrue(kept.length() >= "d/".length() * 40, "kept only " + kept));
        }
    }

    /**
     * A directory in /dev/shm, a tmpfs mounted on /dev, a devtmpfs mounted on the root: the walk crosses two
     * mount points, from each mount's root to the dentry it is mounted on.
     */
    @Test
    void aDirectoryOnOtherMountsIsNamedThroughTheirMountPoints() throws Exception {
        Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "tk-fullpath-");
        try {
            Path sub = Files.createDirectories(shm.resolve("sub")).toRealPath();
            try (Workload workload = Workload.start("tk-fullpath", "wait",
                    "chdir", sub.toString(),
                    "open", "in-shm.txt", "0", "0")) {
                Path dir = tmp.resolve("rec");
                RecorderRun run = RecorderRun.start(dir, "--events", "opens", "-p", Integer.toString(workload.pid()),
                        "-d", "2s");
                workload.go();
                assertEquals(0, workload.result("chdir"));
                assertEquals(-ENOENT, workload.result("open"));
                assertEquals(0, workload.waitFor());
                assertEquals(0, run.awaitExit(), run.err());

                List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
                assertEquals(1, opens.size(), () -> "opens: " + opens);
                assertResolved(opens.get(0), -100, "in-shm.txt", sub + "/in-shm.txt");
            }
        } finally {
            Files.deleteIfExists(shm.resolve("sub"));
            Files.deleteIfExists(shm);
        }
    }

    /** Before 1.2 the filter saw only "shadow", so openat(fd_of_etc, "shadow") escaped an etc/ prefix. */
    @Test
    void thePathPrefixFiltersOnTheFullPath() throws Exception {
        Path etc = real("etc");
        Path other = real("other");
        String prefix = etc + "/";
        try (Workload workload = Workload.start("tk-fullpath", "wait",
                "open", etc.toString(), "0", "0",
                "open", other.toString(), "0", "0",
                "openat", FIRST_FD, "shadow", "0",
                "openat", "4", "shadow", "0",
                "chdir", etc.toString(),
                "open", "passwd", "0", "0",
                "open", etc.resolve("group").toString(), "0", "0",
                "open", other.resolve("group").toString(), "0", "0",
                "openhex", "")) {
            Path dir = tmp.resolve("rec");
            RecorderRun run = RecorderRun.start(dir, "--events", "opens", "--path-prefix", prefix,
                    "-p", Integer.toString(workload.pid()), "-d", "2s");
            workload.go();
            assertEquals(3, workload.result("open"));
            assertEquals(4, workload.result("open"));
            assertEquals(-ENOENT, workload.result("openat"));
            assertEquals(-ENOENT, workload.result("openat"));
            assertEquals(0, workload.result("chdir"));
            for (int i = 0; i < 3; i++) {
                assertEquals(-ENOENT, workload.result("open"));
            }
            assertEquals(-ENOENT, workload.result("openhex")); // an empty path is under no prefix
            assertEquals(0, workload.waitFor());
            assertEquals(0, run.awaitExit(), run.err());

            List<OpenEvent> opens = Recordings.read(dir, RecordingStream.OPENS);
            assertEquals(3, opens.size(), () -> "opens: " + opens);
            assertResolved(opens.get(0), 3, "shadow", etc + "/shadow");
            assertResolved(opens.get(1), -100, "passwd", etc + "/passwd");
            assertAbsolute(opens.get(2), etc.resolve("group").toString());
        }
    }

    private static void assertResolved(OpenEvent open, int dirfd, String path, String full) {
        assertAll(
                () -> assertEquals(OpenSyscall.OPENAT, open.getSyscall()),
                () -> assertEquals(dirfd, open.getDirfd()),
                () -> assertArrayEquals(bytes(path), array(open.getPath())),
                () -> assertFalse(open.getPathTruncated()),
                () -> assertEquals(FullPathStatus.RESOLVED, open.getFullPathStatus()),
                () -> assertEquals(full, string(open.getFullPath())));
    }

    private static void assertAbsolute(OpenEvent open, String path) {
        assertAll(
                () -> assertEquals(-100, open.getDirfd()),
                () -> assertArrayEquals(bytes(path), array(open.getPath())),
                () -> assertEquals(FullPathStatus.ABSOLUTE, open.getFullPathStatus()),
                () -> assertNull(open.getFullPath()));
    }
}
