package dev.tracekit.analyzer.input;

import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;

/**
 * Decodes the records of one decompressed block into a visitor. Holds one reusable record per family, so
 * each reading thread has its own instance.
 */
final class BlockDecoder {
    private final SyscallEventDecoder syscallEvents = new SyscallEventDecoder();
    private final SyscallCountDecoder syscallCounts = new SyscallCountDecoder();
    private final OpenEventDecoder opens = new OpenEventDecoder();
    private final KillEventDecoder kills = new KillEventDecoder();
    private final SyscallEvent syscallEvent = syscallEvents.newRecord();
    private final SyscallCount syscallCount = syscallCounts.newRecord();
    private final OpenEvent open = opens.newRecord();
    private final KillEvent kill = kills.newRecord();

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
