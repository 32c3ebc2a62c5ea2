package dev.tracekit.analyzer.input;

import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

/**
 * Decodes the records of one decompressed block into a visitor. Holds one reusable record per family, so
 * each reading thread has its own instance.
 */
final class BlockDecoder {
    private final SyscallEventDecoder syscallEvents;
    private final SyscallCountDecoder syscallCounts = new SyscallCountDecoder();
    private final OpenEventDecoder opens;
    private final KillEventDecoder kills;
    private final SyscallEvent syscallEvent;
    private final SyscallCount syscallCount = syscallCounts.newRecord();
    private final OpenEvent open;
    private final KillEvent kill;

    /** @param reads the optional fields to decode; the others are skipped and stay zero */
    BlockDecoder(Set<OptionalField> reads) {
        syscallEvents = new SyscallEventDecoder(reads);
        opens = new OpenEventDecoder(reads);
        kills = new KillEventDecoder(reads);
        syscallEvent = syscallEvents.newRecord();
        open = opens.newRecord();
        kill = kills.newRecord();
    }

    void decode(Recording recording, RecordingFile file, BlockCodec.Decoded data, long count, RecordVisitor visitor)
            throws CorruptInputException {
        AvroCursor in = new AvroCursor(data.bytes(), data.length());
        switch (file.stream()) {
            case SYSCALL_EVENTS -> {
                for (long i = 0; i < count; i++) {
                    visitor.syscallEvent(recording, syscallEvents.read(in, syscallEvent));
                }
            }
            case SYSCALL_COUNTS -> {
                for (long i = 0; i < count; i++) {
                    visitor.syscallCount(recording, syscallCounts.read(in, syscallCount));
                }
            }
            case OPENS -> {
                for (long i = 0; i < count; i++) {
                    visitor.open(recording, opens.read(in, open));
                }
            }
            case KILLS -> {
                for (long i = 0; i < count; i++) {
                    visitor.kill(recording, kills.read(in, kill));
                }
            }
            case INTERVALS -> throw new IllegalArgumentException("interval rows are read by the scanner");
        }
        if (!in.atEnd()) {
            throw new CorruptInputException(in.position(), "bytes left over after the block's records");
        }
    }
}
