package dev.tracekit.analyzer.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * A bundle ({@code .tar}, {@code .tar.gz}/{@code .tgz}, {@code .tar.zst}/{@code .tzst}) read front to back,
 * entry by entry, straight from the archive: nothing is unpacked to disk, so entry names with {@code ../},
 * absolute paths and links can do no harm; links and other non-files are skipped.
 */
final class BundleArchive {
    private BundleArchive() {
    }

    /** Called with each regular {@code .avro} entry; the stream ends with the entry and must not be closed. */
    interface EntryVisitor {
        void entry(String name, InputStream content) throws IOException;
    }

    static boolean isBundleName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")
                || name.endsWith(".tar.zst") || name.endsWith(".tzst");
    }

    static void forEachAvroEntry(Path bundle, EntryVisitor visitor) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16);
                InputStream decompressed = decompressing(bundle, file);
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile() && !entry.isLink() && entry.getName().endsWith(".avro")) {
                    visitor.entry(entry.getName(), tar);
                }
            }
        }
    }

    private static InputStream decompressing(Path bundle, InputStream in) throws IOException {
        String name = bundle.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz") || name.endsWith(".tgz")) {
            return new GzipCompressorInputStream(in, true);
        }
        if (name.endsWith(".zst") || name.endsWith(".tzst")) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }
}
