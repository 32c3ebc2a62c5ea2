package dev.tracekit.recorder;

import static dev.tracekit.recorder.layout.TracekitStructs.TRACEKIT_CONFIG;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.names.SyscallTable;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** Writes {@code struct tracekit_config} (the objects' read-only {@code cfg}) from the options, before load. */
final class BpfConfig {
    private BpfConfig() {
    }

    /**
     * @param rodata      the object's .rodata, which holds only {@code cfg}
     * @param syscalls    this machine's syscall numbers
     * @param wakeupBytes pending bytes at which the BPF side wakes the consumer early
     */
    static void write(MemorySegment rodata, RecorderOptions options, SyscallTable syscalls, int selfTgid,
            long wakeupBytes) {
        if (rodata.byteSize() < TRACEKIT_CONFIG.byteSize()) {
            throw new IllegalStateException(".rodata is " + rodata.byteSize() + " bytes, smaller than struct tracekit_config");
        }
        byte[] prefix = options.pathPrefix().getBytes(StandardCharsets.UTF_8);
        rodata.set(JAVA_LONG, offset(TRACEKIT_CONFIG, "cgroup_id"), options.cgroupId());
        rodata.set(JAVA_LONG, offset(TRACEKIT_CONFIG, "excluded_signals"), options.excludedSignals());
        rodata.set(JAVA_LONG, offset(TRACEKIT_CONFIG, "wakeup_bytes"), wakeupBytes);
        rodata.set(JAVA_INT, offset(TRACEKIT_CONFIG, "self_tgid"), selfTgid);
        rodata.set(JAVA_INT, offset(TRACEKIT_CONFIG, "target_signal"), options.signal().orElse(0));
        rodata.set(JAVA_INT, offset(TRACEKIT_CONFIG, "execve_nr"), syscalls.number("execve").orElseThrow());
        rodata.set(JAVA_INT, offset(TRACEKIT_CONFIG, "execveat_nr"), syscalls.number("execveat").orElseThrow());
        rodata.set(JAVA_INT, offset(TRACEKIT_CONFIG, "prctl_nr"), syscalls.number("prctl").orElseThrow());
        rodata.set(JAVA_BYTE, offset(TRACEKIT_CONFIG, "filter_signal"), flag(options.signal().isPresent()));
        rodata.set(JAVA_BYTE, offset(TRACEKIT_CONFIG, "failed_only"), flag(options.failedOnly()));
        rodata.set(JAVA_BYTE, offset(TRACEKIT_CONFIG, "count_syscalls"), flag(options.records(EventFamily.SYSCALLS)));
        rodata.set(JAVA_BYTE, offset(TRACEKIT_CONFIG, "capture_syscalls"),
                flag(options.records(EventFamily.SYSCALL_EVENTS)));
        rodata.set(JAVA_BYTE, offset(TRACEKIT_CONFIG, "record_latency"),
                flag(options.latency() && options.records(EventFamily.SYSCALLS)));
        rodata.set(JAVA_BYTE, offset(TRACEKIT_CONFIG, "path_prefix_len"), (byte) prefix.length);
        MemorySegment.copy(prefix, 0, rodata, JAVA_BYTE, offset(TRACEKIT_CONFIG, "path_prefix"), prefix.length);
    }

    private static byte flag(boolean on) {
        return (byte) (on ? 1 : 0);
    }
}
