package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.luben.zstd.ZstdOutputStream;
import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles are read entry by entry from the archive and never unpacked: an entry's name is only a name
 * (absolute, {@code ../}, escape sequences), links of either kind are skipped, never followed, and an entry
 * that inflates to gigabytes is streamed past. (HostileInputTest covers a symlink to /etc/passwd and a
 * {@code ../} name beside a regular entry.)
 */
class BundleEntriesTest {
    /** 3 kills, aarch64-db1. */
    private static final Path KILLS = Fixtures.db().resolve("kills-000001.avro");

    @Test
    void absoluteNamesAreReadInPlaceAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path outside = dir.resolve("outside");
        Path bundle = dir.resolve("absolute.tar");
        try (TarArchiveOutputStream tar = tar(Files.newOutputStream(bundle))) {
            addFile(tar, outside.resolve("kills-000001.avro").toString(), KILLS);
        }
        CliRun run = CliRun.of("kills", bundle.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals(3, run.out().lines().count());
        assertFalse(Files.exists(outside), "nothing is unpacked at the entry's absolute path");
    }

    /**
     * A hard link and a symbolic link named like recordings, pointing at a real recording beside the bundle:
     * followed, they would add its 3 kills again (another file seq of the same recording).
     */
    @Test
    void linksOfEitherKindAreNeverFollowed(@TempDir Path dir) throws IOException {
        Path target = Files.copy(KILLS, dir.resolve("target.avro"));
        Path bundle = dir.resolve("links.tar");
        try (TarArchiveOutputStream tar = tar(Files.newOutputStream(bundle))) {
            addFile(tar, "rec/kills-000001.avro", KILLS);
            addLink(tar, "rec/kills-000002.avro", TarArchiveEntry.LF_LINK, "rec/kills-000001.avro");
            addLink(tar, "rec/kills-000003.avro", TarArchiveEntry.LF_SYMLINK, target.toString());
            addLink(tar, "rec/kills-000004.avro", TarArchiveEntry.LF_SYMLINK, "../target.avro");
        }
        CliRun run = CliRun.of("kills", bundle.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals(3, run.out().lines().count(), "only the regular entry is read");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(bundle, target), files.sorted().toList(), "nothing created beside the bundle");
        }
    }

    /** Entry names reach warnings and errors; a name with escape sequences is shown escaped, on one line. */
    @Test
    void entryNamesAreEscapedInMessages(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("names.tar");
        try (TarArchiveOutputStream tar = tar(Files.newOutputStream(bundle))) {
            addFile(tar, "rec/kills-000001.avro", KILLS);
            addBytes(tar, "rec/\u001b]0;pwned\u0007\n.avro", "not avro".getBytes());
        }
        CliRun run = CliRun.of("kills", bundle.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("tracekit: warning: " + bundle + "!rec/\\x1b]0;pwned\\x07\\n.avro: not a tracekit recording "
                + "file; skipped"), run.errLines());
    }

    @Test
    void aBundleWithoutRecordingsIsBadInput(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("notes.tar");
        try (TarArchiveOutputStream tar = tar(Files.newOutputStream(bundle))) {
            addBytes(tar, "README", "no recordings here".getBytes());
        }
        CliRun run = CliRun.of("summary", bundle.toString());
        assertEquals(2, run.status());
        assertEquals(List.of("tracekit: no tracekit recordings found in " + bundle), run.errLines());
    }

    @Test
    void anEmptyBundleFileIsBadInput(@TempDir Path dir) throws IOException {
        Path bundle = Files.createFile(dir.resolve("empty.tar.zst"));
        CliRun run = CliRun.of("summary", bundle.toString());
        assertEquals(2, run.status());
        assertEquals(List.of("tracekit: no tracekit recordings found in " + bundle), run.errLines());
    }

    /**
     * 1 GiB of zeros is 32 KiB as zstd: a bomb. Named {@code .avro}, it is opened (4 bytes: not a recording)
     * and the archive reader streams past the rest; the recording after it is read whole.
     */
    @Test
    void anEntryThatInflatesToAGibibyteIsStreamedPast(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bomb.tar.zst");
        try (TarArchiveOutputStream tar = tar(new ZstdOutputStream(Files.newOutputStream(bundle)))) {
            TarArchiveEntry bomb = new TarArchiveEntry("rec/bomb.avro");
            bomb.setSize(1L << 30);
            tar.putArchiveEntry(bomb);
            HostileBlocks.writeZeros(tar, 1L << 30);
            tar.closeArchiveEntry();
            addFile(tar, "rec/kills-000001.avro", KILLS);
        }
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.of("kills", bundle.toString(), "--format", "json"));
        assertEquals(0, run.status(), run.err());
        assertEquals(3, run.out().lines().count());
        assertEquals(List.of("tracekit: warning: " + bundle + "!rec/bomb.avro: not a tracekit recording file; skipped"),
                run.errLines());
    }

    static TarArchiveOutputStream tar(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    static void addFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        addBytes(tar, name, Files.readAllBytes(file));
    }

    private static void addBytes(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void addLink(TarArchiveOutputStream tar, String name, byte kind, String target) throws IOException {
        TarArchiveEntry link = new TarArchiveEntry(name, kind);
        link.setLinkName(target);
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
    }
}
