package dev.tracekit.recorder.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Packs a finished recording directory into one {@code .tar.zst} or {@code .tar.gz} to copy off the host. */
public final class RecordingBundler {
    private RecordingBundler() {
    }

    /** @throws IllegalArgumentException when the name ends in neither .tar.zst nor .tar.gz/.tgz */
    public static void checkName(Path bundle) {
        compression(bundle);
    }

    private static String compression(Path bundle) {
        String name = bundle.getFileName().toString();
        if (name.endsWith(".tar.zst")) {
            return "zst";
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return "gz";
        }
        throw new IllegalArgumentException("bundle name must end in .tar.zst or .tar.gz: " + bundle);
    }

    /** Writes {@code bundle} (created new, mode 0640) with every file of {@code dir} under the directory's name. */
    public static void bundle(Path dir, Path bundle) throws IOException {
        String compression = compression(bundle);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        Files.createFile(bundle, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(bundle, StandardOpenOption.WRITE));
                OutputStream compressed = compression.equals("zst")
                        ? ZstdCompressorOutputStream.builder().setOutputStream(file).setLevel(3).get()
                        : new GzipCompressorOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            String prefix = dir.getFileName() + "/";
            for (Path path : files) {
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), prefix + path.getFileName());
                entry.setMode(0640);
                tar.putArchiveEntry(entry);
                Files.copy(path, tar);
                tar.closeArchiveEntry();
            }
        }
    }
}
