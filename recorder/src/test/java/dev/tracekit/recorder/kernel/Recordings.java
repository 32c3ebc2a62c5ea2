package dev.tracekit.recorder.kernel;

import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Reads every record of one stream of a recording directory, files in sequence order. */
final class Recordings {
    static {
        // Avro 1.12.1+ reads into generated classes only from packages listed here.
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.tracekit.schema");
    }

    private Recordings() {
    }

    static <T extends SpecificRecord> List<T> read(Path dir, RecordingStream stream) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> RecordingStream.parseFileName(p.getFileName().toString())
                    .map(name -> name.stream() == stream).orElse(false)).sorted().toList();
        }
        List<T> records = new ArrayList<>();
        for (Path file : files) {
            try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(stream.schema()))) {
                reader.forEach(records::add);
            }
        }
        return records;
    }
}
