package dev.tracekit.recorder.decode;

import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_KILL;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_OPEN;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_PROC;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_SYSCALL;

import dev.tracekit.recorder.ffm.RingBufferPoller;
import dev.tracekit.recorder.output.RecordingOutput;
import dev.tracekit.recorder.redact.Redactor;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallEvent;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** Routes each ring-buffer record by its header's kind to its decoder, the redactor and its stream. */
public final class RecordDispatcher implements RingBufferPoller.RecordHandler {
    private final RecordingOutput output;
    private final Redactor redactor;
    private final OpenEventDecoder opens = new OpenEventDecoder();
    private final KillEventDecoder kills = new KillEventDecoder();
    private final SyscallEventDecoder syscalls = new SyscallEventDecoder();
    private final ProcEventDecoder procs = new ProcEventDecoder();

    public RecordDispatcher(RecordingOutput output, Redactor redactor) {
        this.output = output;
        this.redactor = redactor;
    }

    @Override
    public void handle(MemorySegment record) throws IOException {
        short kind = EventHeaderDecoder.kind(record);
        switch (kind) {
            case EVENT_OPEN -> {
                OpenEvent open = opens.decode(record);
                redactor.redact(open);
                output.<OpenEvent>writer(RecordingStream.OPENS).append(open);
            }
            case EVENT_KILL -> {
                KillEvent kill = kills.decode(record);
                redactor.redact(kill.getHeader());
                output.<KillEvent>writer(RecordingStream.KILLS).append(kill);
            }
            case EVENT_PROC -> {
                ProcEvent proc = procs.decode(record);
                redactor.redact(proc);
                output.<ProcEvent>writer(RecordingStream.PROCS).append(proc);
            }
            case EVENT_SYSCALL -> {
                SyscallEvent syscall = syscalls.decode(record);
                redactor.redact(syscall.getHeader());
                output.<SyscallEvent>writer(RecordingStream.SYSCALL_EVENTS).append(syscall);
            }
            default -> throw new IllegalStateException("ring buffer record of unknown kind " + kind);
        }
    }
}
