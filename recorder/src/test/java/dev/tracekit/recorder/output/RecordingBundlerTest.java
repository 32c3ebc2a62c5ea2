package dev.tracekit.recorder.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingBundlerTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"rec.tar.zst", "rec.tar.gz"})
    void bundlesEveryFileUnderTheDirectoryName(String name) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("rec"));
        Files.writeString(dir.resolve("opens-000001.avro"), "opens");
        Files.writeString(dir.resolve("intervals-000001.avro"), "intervals");
        Path bundle = tmp.resolve(name);
        RecordingBundler.bundle(dir, bundle);

        List<String> names = new ArrayList<>();
        try (InputStream file = Files.newInputStream(bundle);
                InputStream decompressed = name.endsWith(".zst")
                        ? new ZstdCompressorInputStream(file) : new GzipCompressorInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().endsWith("opens-000001.avro")) {
                    assertArrayEquals("opens".getBytes(StandardCharsets.UTF_8), tar.readAllBytes());
                }
            }
        }
        assertEquals(List.of("rec/intervals-000001.avro", "rec/opens-000001.avro"), names);
    }

    @Test
    void refusesAnExistingBundle() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("rec"));
        Path bundle = Files.writeString(tmp.resolve("rec.tar.gz"), "already here");
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> RecordingBundler.bundle(dir, bundle));
    }
}
