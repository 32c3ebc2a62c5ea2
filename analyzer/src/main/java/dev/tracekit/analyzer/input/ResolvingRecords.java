package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the records of a block written with another schema than the current one, through Avro's own schema
 * resolution into the current schema's classes: the path for files of other versions, which the hand-written
 * decoders (made for one layout) cannot read. One instance per reading thread: it keeps a resolving reader
 * per writer schema met and one decoder over the block.
 */
final class ResolvingRecords {
    /** Receives each record; the object may be reused for the next one when the caller asked for reuse. */
    interface Sink<T> {
        void accept(T record);
    }

    static {
        // Avro's decoder trusts a declared length up to ~2^31 and allocates it before reading: in a block of at
        // most 64 MiB no honest bytes or string is longer, and no honest array or map of tracekit's schemas has
        // a million items. Bounded here unless the user set Avro's own limits (they are read once, at first use).
        limit("org.apache.avro.limits.bytes.maxLength", BlockCodec.MAX_DECODED_BYTES);
        limit("org.apache.avro.limits.string.maxLength", BlockCodec.MAX_DECODED_BYTES);
        limit("org.apache.avro.limits.collectionItems.maxLength", 1 << 20);
    }

    private final Map<Schema, DatumReader<SpecificRecord>> readers = new HashMap<>();

    private static void limit(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
    private BinaryDecoder decoder;

    /**
     * Reads the {@code count} records of one decompressed block.
     *
     * @param reuse whether one record object may serve every record (visitors copy what they keep); false gives
     *              each record an object of its own
     */
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void read(WriterSchema writer, RecordingStream stream, BlockCodec.Decoded data,
            long count, boolean reuse, Sink<T> sink) throws CorruptInputException {
        DatumReader<SpecificRecord> reader = readers.computeIfAbsent(writer.schema(),
                written -> new SpecificDatumReader<>(written, stream.schema(), SpecificData.get()));
        decoder = DecoderFactory.get().binaryDecoder(data.bytes(), 0, data.length(), decoder);
        SpecificRecord record = null;
        for (long i = 0; i < count; i++) {
            try {
                record = reader.read(reuse ? record : null, decoder);
            } catch (IOException | RuntimeException e) {
                // Only Avro's decoding is inside this try (the sink is called below): whatever it throws on bytes
                // that do not decode (its limits throw UnsupportedOperationException, forged unions
                // ClassCastException, ...) is damage of this block, not a failure of the run.
                throw new CorruptInputException(0, "record " + i + " does not decode with its writer schema ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            sink.accept((T) record);
        }
        try {
            if (!decoder.isEnd()) {
                throw new CorruptInputException(0, "bytes left over after the block's records");
            }
        } catch (IOException e) {
            throw new CorruptInputException(0, e.getMessage());
        }
    }
}
