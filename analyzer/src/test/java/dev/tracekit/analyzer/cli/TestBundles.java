package dev.tracekit.analyzer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Packs a recording directory into a plain or gzipped tar, for tests of the other bundle kinds. */
final class TestBundles {
    private TestBundles() {
    }

    static void write(Path recording, Path bundle, boolean gzip) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(recording)) {
            files = list.sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(bundle);
                OutputStream out = gzip ? new GzipCompressorOutputStream(file) : file;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Path f : files) {
                TarArchiveEntry entry = new TarArchiveEntry("rec/" + f.getFileName());
                entry.setSize(Files.size(f));
                tar.putArchiveEntry(entry);
                Files.copy(f, tar);
                tar.closeArchiveEntry();
            }
        }
    }
}
