package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;

/** File opens: the open family of calls, the path as passed and as resolved, flags and result. */
final class OpenFamily extends FamilyDescriptor<OpenEvent> {
    OpenFamily() {
        super(RecordingStream.OPENS);
    }

    @Override
    RecordDecoder<OpenEvent> decoder(Set<OptionalField> reads) {
        return new OpenEventDecoder(reads);
    }

    @Override
    public void visit(RecordVisitor visitor, Recording recording, OpenEvent record) {
        visitor.open(recording, record);
    }

    @Override
    void decodeAll(AvroCursor in, long count, RecordDecoder<OpenEvent> decoder, OpenEvent reuse, Recording recording,
            RecordVisitor visitor) throws CorruptInputException {
        for (long i = 0; i < count; i++) {
            visitor.record(recording, this, decoder.read(in, reuse));
        }
    }

    @Override
    public EventHeader header(OpenEvent record) {
        return record.getHeader();
    }

    @Override
    public String syscallName(OpenEvent record) {
        return record.getSyscall().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int errno(OpenEvent record) {
        return record.getResult() < 0 ? -record.getResult() : 0;
    }

    /** The full path where it is known: {@code --path /etc/*} must see through {@code openat(etc_fd, "shadow")}. */
    @Override
    public ByteBuffer path(OpenEvent record) {
        return OpenPaths.shown(record);
    }

    @Override
    public boolean hasFlags() {
        return true;
    }

    @Override
    public long flags(OpenEvent record) {
        return record.getFlags();
    }
}
