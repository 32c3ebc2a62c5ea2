package dev.tracekit.recorder.decode;

import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_KILL;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_OPEN;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_PROC;
import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_SYSCALL;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_IA32;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.recorder.encode.AvroBinaryBuffer;
import dev.tracekit.recorder.encode.RecordEncoder;
import dev.tracekit.recorder.encode.RecordEncoding;
import dev.tracekit.recorder.ffm.RingBufferPoller;
import dev.tracekit.recorder.metrics.RecordTally;
import dev.tracekit.recorder.output.RecordingOutput;
import dev.tracekit.recorder.output.RotatingStreamWriter;
import dev.tracekit.recorder.redact.Redactor;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.ProcEvent;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Routes each ring-buffer record by its header's kind to its stream. Opens, kills and per-event syscalls, the
 * families that come by the million, are encoded straight from the ring into Avro's binary encoding
 * ({@link RecordEncoder}); process events, a few hundred a second at most, are decoded into their record first
 * (an exec's exit status and its kind-dependent nulls are not a field-for-field copy).
 */
public final class RecordDispatcher implements RingBufferPoller.RecordHandler {
    private static final long OPEN_RESULT = RecordEncoding.OPENS.offset("result");
    private static final long KILL_SYSCALL = RecordEncoding.KILLS.offset("syscall");
    private static final long KILL_SIGNAL = RecordEncoding.KILLS.offset("signal");
    private static final long SYSCALL_ID = RecordEncoding.SYSCALL_EVENTS.offset("id");
    private static final long SYSCALL_RET = RecordEncoding.SYSCALL_EVENTS.offset("ret");
    private static final long SYSCALL_IA32_FLAG = Integer.toUnsignedLong(SYSCALL_IA32);

    private final RecordingOutput output;
    private final Redactor redactor;
    private final RecordTally tally;
    private final Encoded opens;
    private final Encoded kills;
    private final Encoded syscalls;
    private final ProcEventDecoder procs = new ProcEventDecoder();
    private final AvroBinaryBuffer buffer = new AvroBinaryBuffer(1 << 13);

    /** @param tally what --metrics counts, or null without it */
    public RecordDispatcher(RecordingOutput output, Redactor redactor, RecordTally tally) {
        this.output = output;
        this.redactor = redactor;
        this.tally = tally;
        opens = new Encoded(RecordEncoding.OPENS);
        kills = new Encoded(RecordEncoding.KILLS);
        syscalls = new Encoded(RecordEncoding.SYSCALL_EVENTS);
    }

    @Override
    public void handle(MemorySegment record) throws IOException {
        short kind = EventHeaderDecoder.kind(record);
        switch (kind) {
            case EVENT_OPEN -> {
                opens.append(record);
                if (tally != null) {
                    tally.open(record.get(JAVA_INT, OPEN_RESULT));
                }
            }
            case EVENT_KILL -> {
                kills.append(record);
                if (tally != null) {
                    tally.kill(record.get(JAVA_INT, KILL_SYSCALL), record.get(JAVA_INT, KILL_SIGNAL));
                }
            }
            case EVENT_SYSCALL -> {
                syscalls.append(record);
                if (tally != null) {
                    long id = record.get(JAVA_LONG, SYSCALL_ID);
                    boolean ia32 = id >= 0 && (id & SYSCALL_IA32_FLAG) != 0;
                    tally.syscallEvent((int) (ia32 ? id & ~SYSCALL_IA32_FLAG : id), ia32,
                            record.get(JAVA_LONG, SYSCALL_RET));
                }
            }
            case EVENT_PROC -> {
                ProcEvent proc = procs.decode(record);
                redactor.redact(proc);
                output.<ProcEvent>writer(RecordingStream.PROCS).append(proc);
            }
            default -> throw new IllegalStateException("ring buffer record of unknown kind " + kind);
        }
    }

    /** A family encoded from the ring, and its stream's writer once a record of it came. */
    private final class Encoded {
        private final RecordEncoder encoder;
        private RotatingStreamWriter<?> writer;

        Encoded(RecordEncoding encoding) {
            encoder = new RecordEncoder(encoding, redactor);
        }

        void append(MemorySegment record) throws IOException {
            if (writer == null) {
                writer = output.writer(encoder.encoding().stream()); // throws for a stream not recorded
            }
            buffer.clear();
            encoder.encode(record, buffer);
            writer.appendEncoded(buffer.view());
        }
    }
}
