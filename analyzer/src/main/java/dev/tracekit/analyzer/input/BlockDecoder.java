package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes the records of one decompressed block into a visitor: by the hand-written decoders when the file's
 * records are in the current layout (or its leading fields, for decoders that read those), by Avro's resolution
 * otherwise. Holds one decoder and one reusable record per family, so each reading thread has its own instance.
 */
final class BlockDecoder {
    private final FamilyReader<?>[] readers = new FamilyReader<?>[RecordingStream.values().length];
    private final ResolvingRecords resolving = new ResolvingRecords();

    /** @param reads the optional fields to decode; the others are skipped and stay zero */
    BlockDecoder(Set<OptionalField> reads) {
        for (FamilyDescriptor<?> family : Families.ALL) {
            readers[family.stream().ordinal()] = FamilyReader.of(family, reads);
        }
    }

    void decode(Recording recording, RecordingFile file, BlockCodec.Decoded data, long count, RecordVisitor visitor)
            throws CorruptInputException {
        if (file.stream() == RecordingStream.INTERVALS) {
            throw new IllegalArgumentException("interval rows are read by the scanner");
        }
        readers[file.stream().ordinal()].decode(recording, file, data, count, visitor, resolving);
    }

    /** One family's decoder with its reused record. */
    private static final class FamilyReader<R extends SpecificRecord> {
        private final FamilyDescriptor<R> family;
        private final RecordDecoder<R> decoder;
        private final R record;

        private FamilyReader(FamilyDescriptor<R> family, Set<OptionalField> reads) {
            this.family = family;
            this.decoder = family.decoder(reads);
            this.record = decoder.newRecord();
        }

        static <R extends SpecificRecord> FamilyReader<R> of(FamilyDescriptor<R> family, Set<OptionalField> reads) {
            return new FamilyReader<>(family, reads);
        }

        void decode(Recording recording, RecordingFile file, BlockCodec.Decoded data, long count,
                RecordVisitor visitor, ResolvingRecords resolving) throws CorruptInputException {
            WriterSchema writer = file.writer();
            if (writer.resolved() || writer.leading() && !(decoder instanceof LeadingFieldsDecoder<R>)) {
                resolving.<R>read(writer, file.stream(), data, count, true, r -> visitor.record(recording, family, r));
                return;
            }
            if (decoder instanceof LeadingFieldsDecoder<R> leading) {
                leading.writerFields(writer.schema().getFields().size());
            }
            AvroCursor in = new AvroCursor(data.bytes(), data.length());
            family.decodeAll(in, count, decoder, record, recording, visitor);
            if (!in.atEnd()) {
                throw new CorruptInputException(in.position(), "bytes left over after the block's records");
            }
        }
    }
}
