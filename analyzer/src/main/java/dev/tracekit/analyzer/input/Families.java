package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.List;

/** The event families the analyzer reads, one descriptor each, in stream order. */
public final class Families {
    public static final FamilyDescriptor<SyscallCount> SYSCALL_COUNTS = new SyscallCountFamily();
    public static final FamilyDescriptor<SyscallEvent> SYSCALL_EVENTS = new SyscallEventFamily();
    public static final FamilyDescriptor<OpenEvent> OPENS = new OpenFamily();
    public static final FamilyDescriptor<KillEvent> KILLS = new KillFamily();
    public static final FamilyDescriptor<ProcEvent> PROCS = new ProcFamily();

    public static final List<FamilyDescriptor<?>> ALL = List.of(SYSCALL_COUNTS, SYSCALL_EVENTS, OPENS, KILLS, PROCS);

    private static final FamilyDescriptor<?>[] BY_STREAM = new FamilyDescriptor<?>[RecordingStream.values().length];

    static {
        for (FamilyDescriptor<?> family : ALL) {
            BY_STREAM[family.stream().ordinal()] = family;
        }
    }

    private Families() {
    }

    /** The family a stream carries. @throws IllegalArgumentException for the interval statistics */
    public static FamilyDescriptor<?> of(RecordingStream stream) {
        FamilyDescriptor<?> family = BY_STREAM[stream.ordinal()];
        if (family == null) {
            throw new IllegalArgumentException(stream.prefix() + " rows are no event family's");
        }
        return family;
    }
}
