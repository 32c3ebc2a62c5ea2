package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decodes the records of one decompressed block into a visitor: by the hand-written decoders when the file's
 * records are in the current layout, by Avro's resolution otherwise. Holds one reusable record per family, so
 * each reading thread has its own instance.
 */
final class BlockDecoder {
    /**
     * The streams whose decoders read a file of only the current layout's leading fields themselves (those 1.2
     * and 1.3 added fields to at the end), told how many fields the file's records have.
     */
    private static final Set<RecordingStream> READ_LEADING_FIELDS = EnumSet.of(RecordingStream.OPENS,
            RecordingStream.SYSCALL_COUNTS, RecordingStream.SYSCALL_EVENTS, RecordingStream.PROCS);

    private final SyscallEventDecoder syscallEvents;
    private final SyscallCountDecoder syscallCounts = new SyscallCountDecoder();
    private final OpenEventDecoder opens;
    private final KillEventDecoder kills;
    private final ProcEventDecoder procs;
    private final SyscallEvent syscallEvent;
    private final SyscallCount syscallCount = syscallCounts.newRecord();
    private final OpenEvent open;
    private final KillEvent kill;
    private final ProcEvent proc;
    private final ResolvingRecords resolving = new ResolvingRecords();

    /** @param reads the optional fields to decode; the others are skipped and stay zero */
    BlockDecoder(Set<OptionalField> reads) {
        syscallEvents = new SyscallEventDecoder(reads);
        opens = new OpenEventDecoder(reads);
        kills = new KillEventDecoder(reads);
        procs = new ProcEventDecoder(reads);
        syscallEvent = syscallEvents.newRecord();
        open = opens.newRecord();
        kill = kills.newRecord();
        proc = procs.newRecord();
    }

    void decode(Recording recording, RecordingFile file, BlockCodec.Decoded data, long count, RecordVisitor visitor)
            throws CorruptInputException {
        if (file.writer().resolved() || file.writer().leading() && !READ_LEADING_FIELDS.contains(file.stream())) {
            decodeResolved(recording, file, data, count, visitor);
            return;
        }
        AvroCursor in = new AvroCursor(data.bytes(), data.length());
        int writerFields = file.writer().schema().getFields().size();
        switch (file.stream()) {
            case SYSCALL_EVENTS -> {
                syscallEvents.writerFields(writerFields);
                for (long i = 0; i < count; i++) {
                    visitor.syscallEvent(recording, syscallEvents.read(in, syscallEvent));
                }
            }
            case SYSCALL_COUNTS -> {
                syscallCounts.writerFields(writerFields);
                for (long i = 0; i < count; i++) {
                    visitor.syscallCount(recording, syscallCounts.read(in, syscallCount));
                }
            }
            case OPENS -> {
                opens.writerFields(writerFields);
                for (long i = 0; i < count; i++) {
                    visitor.open(recording, opens.read(in, open));
                }
            }
            case KILLS -> {
                for (long i = 0; i < count; i++) {
                    visitor.kill(recording, kills.read(in, kill));
                }
            }
            case PROCS -> {
                procs.writerFields(writerFields);
                for (long i = 0; i < count; i++) {
                    visitor.proc(recording, procs.read(in, proc));
                }
            }
            case INTERVALS -> throw new IllegalArgumentException("interval rows are read by the scanner");
        }
        if (!in.atEnd()) {
            throw new CorruptInputException(in.position(), "bytes left over after the block's records");
        }
    }

    private void decodeResolved(Recording recording, RecordingFile file, BlockCodec.Decoded data, long count,
            RecordVisitor visitor) throws CorruptInputException {
        WriterSchema writer = file.writer();
        switch (file.stream()) {
            case SYSCALL_EVENTS -> resolving.<SyscallEvent>read(writer, file.stream(), data, count, true,
                    e -> visitor.syscallEvent(recording, e));
            case SYSCALL_COUNTS -> resolving.<SyscallCount>read(writer, file.stream(), data, count, true,
                    c -> visitor.syscallCount(recording, c));
            case OPENS -> resolving.<OpenEvent>read(writer, file.stream(), data, count, true,
                    e -> visitor.open(recording, e));
            case KILLS -> resolving.<KillEvent>read(writer, file.stream(), data, count, true,
                    e -> visitor.kill(recording, e));
            case PROCS -> resolving.<ProcEvent>read(writer, file.stream(), data, count, true,
                    e -> visitor.proc(recording, e));
            case INTERVALS -> throw new IllegalArgumentException("interval rows are read by the scanner");
        }
    }
}
