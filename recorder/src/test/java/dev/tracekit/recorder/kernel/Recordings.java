package dev.tracekit.recorder.kernel;

import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Reads every record of one stream of a recording directory, files in sequence order. */
final class Recordings {
    private static final int SYNC_SIZE = 16;

    static {
        // Avro 1.12.1+ reads into generated classes only from packages listed here.
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.tracekit.schema");
    }

    private Recordings() {
    }

    static <T extends SpecificRecord> List<T> read(Path dir, RecordingStream stream) throws IOException {
        List<T> records = new ArrayList<>();
        for (Path file : files(dir, stream)) {
            try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(stream.schema()))) {
                reader.forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The records of a recording whose writer was killed: every file's header must read, and each file is
     * read up to its last whole block; a block torn by the kill ends that file (counted in {@code torn}).
     */
    static <T extends SpecificRecord> List<T> readIntact(Path dir, RecordingStream stream, AtomicInteger torn)
            throws IOException {
        List<T> records = new ArrayList<>();
        for (Path file : files(dir, stream)) {
            try (DataFileStream<T> reader = new DataFileStream<>(Files.newInputStream(file),
                    new SpecificDatumReader<>(stream.schema()))) { // a bad header throws
                readUpToTear(reader, records, torn);
            }
        }
        return records;
    }

    private static <T> void readUpToTear(DataFileStream<T> reader, List<T> records, AtomicInteger torn) {
        try {
            while (reader.hasNext()) {
                records.add(reader.next());
            }
        } catch (AvroRuntimeException e) {
            torn.incrementAndGet();
        }
    }

    /**
     * Whether a file ends exactly after a whole block: its last 16 bytes are the sync marker that closes its
     * header and every block. Avro's readers take a torn last block for the end of the file, so reading
     * alone cannot tell.
     */
    static boolean endsAtBlockBoundary(Path file) throws IOException {
        long headerEnd;
        try (DataFileReader<Object> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            headerEnd = reader.previousSync(); // just past the header's sync marker
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] sync = Arrays.copyOfRange(bytes, (int) headerEnd - SYNC_SIZE, (int) headerEnd);
        return Arrays.equals(sync, Arrays.copyOfRange(bytes, bytes.length - SYNC_SIZE, bytes.length));
    }

    /** One stream's files, in sequence order. */
    static List<Path> files(Path dir, RecordingStream stream) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> RecordingStream.parseFileName(p.getFileName().toString())
                    .map(name -> name.stream() == stream).orElse(false)).sorted().toList();
        }
    }
}
