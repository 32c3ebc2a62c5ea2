package dev.tracekit.analyzer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** export --format avro --codec: every file carries the codec asked for, and the export still reads as before. */
class AvroExportCodecTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"deflate, deflate", "deflate:9, deflate", "snappy, snappy", "none, null", "null, null",
        "zstd:3, zstandard"})
    void filesAreWrittenWithTheCodecAsked(String codec, String avroName) throws IOException {
        Path out = dir.resolve("out");
        CliRun export = CliRun.withFixtures("export", "@web", "--format", "avro", "--codec", codec, "-o",
                out.toString(), "-p", "2201");
        assertEquals(0, export.status(), export.err());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(file -> file.toString().endsWith(".avro")).toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file);
                    DataFileStream<GenericRecord> avro = new DataFileStream<>(in, new GenericDatumReader<>())) {
                assertEquals(avroName, avro.getMetaString("avro.codec"), file.toString());
            }
        }
        assertEquals(CliRun.withFixtures("kills", "@web", "-p", "2201", "--format", "json").out(),
                CliRun.of("kills", out.toString(), "--format", "json").out());
    }

    @Test
    void aCodecForAnotherFormatIsRefusedRatherThanIgnored() {
        CliRun run = CliRun.withFixtures("export", "@web", "--family", "opens", "--codec", "deflate");
        assertEquals(2, run.status());
        assertEquals(List.of("tracekit: --codec is for --format avro; ndjson has no codec choice"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownCodecIsOneLineAndExit2() {
        CliRun run = CliRun.withFixtures("export", "@web", "--format", "avro", "--codec", "lz4", "-o",
                dir.resolve("out").toString());
        assertEquals(2, run.status());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("unknown codec 'lz4'"), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
