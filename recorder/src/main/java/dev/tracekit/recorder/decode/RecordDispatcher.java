package dev.tracekit.recorder.decode;

import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_KILL;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_OPEN;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_SYSCALL;

import dev.tracekit.recorder.ffm.RingBufferPoller;
import dev.tracekit.recorder.output.RecordingOutput;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** Routes each ring-buffer record by its header's kind to its decoder and its stream. */
public final class RecordDispatcher implements RingBufferPoller.RecordHandler {
    private final RecordingOutput output;
    private final OpenEventDecoder opens = new OpenEventDecoder();
    private final KillEventDecoder kills = new KillEventDecoder();
    private final SyscallEventDecoder syscalls = new SyscallEventDecoder();

    public RecordDispatcher(RecordingOutput output) {
        this.output = output;
    }

    @Override
    public void handle(MemorySegment record) throws IOException {
        short kind = EventHeaderDecoder.kind(record);
        switch (kind) {
            case EVENT_OPEN -> output.<OpenEvent>writer(RecordingStream.OPENS).append(opens.decode(record));
            case EVENT_KILL -> output.<KillEvent>writer(RecordingStream.KILLS).append(kills.decode(record));
            case EVENT_SYSCALL -> output.<SyscallEvent>writer(RecordingStream.SYSCALL_EVENTS)
                    .append(syscalls.decode(record));
            default -> throw new IllegalStateException("ring buffer record of unknown kind " + kind);
        }
    }
}
