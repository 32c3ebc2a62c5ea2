package dev.tracekit.recorder.layout;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.util.Arrays;
import java.util.List;

/**
 * The structs of bpf/src/main/c/tracekit.h as {@link MemoryLayout}s, named like their C struct and fields
 * so {@code LayoutAgreementTest} can check each offset and size against the C compiler's.
 */
public final class TracekitStructs {
    public static final int TASK_COMM_LEN = 16;
    public static final int PATH_BUF_LEN = 4096;
    public static final int PATH_PREFIX_MAX = 128;
    public static final int LATENCY_SLOTS = 40;
    public static final int ARGV_BUF_LEN = 4096;

    /** enum event_kind */
    public static final short EVENT_SYSCALL = 1;
    public static final short EVENT_OPEN = 2;
    public static final short EVENT_KILL = 3;
    public static final short EVENT_PROC = 4;
    /** count_key.syscall's flag for a number of the ia32 table */
    public static final int SYSCALL_IA32 = 0x8000_0000;

    public static final StructLayout EVENT_HEADER = structLayout(
            JAVA_SHORT.withName("kind"),
            JAVA_SHORT.withName("size"),
            JAVA_INT.withName("cpu"),
            JAVA_LONG.withName("ts_ns"),
            JAVA_LONG.withName("cgroup_id"),
            JAVA_INT.withName("pid"),
            JAVA_INT.withName("tid"),
            JAVA_INT.withName("uid"),
            JAVA_INT.withName("gid"),
            sequenceLayout(TASK_COMM_LEN, JAVA_BYTE).withName("comm"))
            .withName("event_header");

    public static final StructLayout SYSCALL_EVENT = structLayout(
            EVENT_HEADER.withName("hdr"),
            JAVA_LONG.withName("id"),
            sequenceLayout(6, JAVA_LONG).withName("args"),
            JAVA_LONG.withName("ret"),
            JAVA_LONG.withName("duration_ns"))
            .withName("syscall_event");

    /** The fixed part; {@code path_len} bytes of path follow it, then {@code dir_len} bytes of directory. */
    public static final StructLayout OPEN_EVENT = structLayout(
            EVENT_HEADER.withName("hdr"),
            JAVA_INT.withName("dirfd"),
            JAVA_INT.withName("result"),
            JAVA_LONG.withName("flags"),
            JAVA_LONG.withName("resolve"),
            JAVA_INT.withName("mode"),
            JAVA_SHORT.withName("path_len"),
            JAVA_BYTE.withName("syscall"),
            JAVA_BYTE.withName("path_truncated"),
            JAVA_SHORT.withName("dir_len"),
            JAVA_BYTE.withName("full_path_status"),
            paddingLayout(5))
            .withName("open_event");

    public static final StructLayout KILL_EVENT = structLayout(
            EVENT_HEADER.withName("hdr"),
            JAVA_INT.withName("target_pid"),
            JAVA_INT.withName("target_tid"),
            JAVA_INT.withName("signal"),
            JAVA_INT.withName("result"),
            JAVA_INT.withName("syscall"),
            JAVA_INT.withName("pad"))
            .withName("kill_event");

    /**
     * The fixed part; {@code name_len} bytes of file name (EXEC) or cgroup path (CGROUP_MKDIR) and {@code argv_len}
     * of arguments follow it.
     */
    public static final StructLayout PROC_EVENT = structLayout(
            EVENT_HEADER.withName("hdr"),
            JAVA_INT.withName("ppid"),
            JAVA_BYTE.withName("kind"),
            JAVA_BYTE.withName("argv_truncated"),
            JAVA_BYTE.withName("child_is_thread"),
            JAVA_BYTE.withName("last_thread"),
            JAVA_INT.withName("old_pid"),
            JAVA_INT.withName("child_pid"),
            JAVA_INT.withName("child_tid"),
            JAVA_INT.withName("exit_code"),
            JAVA_INT.withName("renamed_tid"),
            JAVA_SHORT.withName("name_len"),
            JAVA_SHORT.withName("argv_len"),
            sequenceLayout(TASK_COMM_LEN, JAVA_BYTE).withName("old_comm"),
            sequenceLayout(TASK_COMM_LEN, JAVA_BYTE).withName("new_comm"),
            JAVA_LONG.withName("new_cgroup_id"))
            .withName("proc_event");

    public static final StructLayout COUNT_KEY = structLayout(
            JAVA_INT.withName("tgid"),
            JAVA_INT.withName("syscall"))
            .withName("count_key");

    public static final StructLayout COUNT_VALUE = structLayout(
            JAVA_LONG.withName("count"),
            JAVA_LONG.withName("errors"),
            sequenceLayout(TASK_COMM_LEN, JAVA_BYTE).withName("comm"))
            .withName("count_value");

    public static final StructLayout LATENCY_VALUE = structLayout(
            JAVA_LONG.withName("total_ns"),
            sequenceLayout(LATENCY_SLOTS, JAVA_LONG).withName("log2_hist"))
            .withName("latency_value");

    public static final StructLayout LIVE_FILTER = structLayout(
            JAVA_BYTE.withName("pids"),
            JAVA_BYTE.withName("tids"),
            JAVA_BYTE.withName("uids"),
            JAVA_BYTE.withName("comms"),
            JAVA_BYTE.withName("syscalls"),
            JAVA_BYTE.withName("stopped"),
            paddingLayout(2))
            .withName("live_filter");

    public static final StructLayout TRACEKIT_CONFIG = structLayout(
            JAVA_LONG.withName("cgroup_id"),
            JAVA_LONG.withName("excluded_signals"),
            JAVA_LONG.withName("wakeup_bytes"),
            JAVA_INT.withName("self_tgid"),
            JAVA_INT.withName("target_signal"),
            JAVA_INT.withName("execve_nr"),
            JAVA_INT.withName("execveat_nr"),
            JAVA_INT.withName("prctl_nr"),
            JAVA_INT.withName("pad0"),
            JAVA_BYTE.withName("filter_signal"),
            JAVA_BYTE.withName("failed_only"),
            JAVA_BYTE.withName("count_syscalls"),
            JAVA_BYTE.withName("capture_syscalls"),
            JAVA_BYTE.withName("record_latency"),
            JAVA_BYTE.withName("path_prefix_len"),
            paddingLayout(2),
            sequenceLayout(PATH_PREFIX_MAX, JAVA_BYTE).withName("path_prefix"))
            .withName("tracekit_config");

    public static final StructLayout SELF_QUERY = structLayout(
            JAVA_LONG.withName("ns_dev"),
            JAVA_LONG.withName("ns_ino"),
            JAVA_INT.withName("ns_tgid"),
            JAVA_INT.withName("host_tgid"))
            .withName("self_query");

    /** Every struct shared with the BPF side. */
    public static final List<StructLayout> ALL = List.of(EVENT_HEADER, SYSCALL_EVENT, OPEN_EVENT, KILL_EVENT,
            PROC_EVENT, COUNT_KEY, COUNT_VALUE, LATENCY_VALUE, LIVE_FILTER, TRACEKIT_CONFIG, SELF_QUERY);

    private TracekitStructs() {
    }

    /** Byte offset of a field by its dotted C path, e.g. {@code offset(OPEN_EVENT, "hdr.pid")}. */
    public static long offset(StructLayout layout, String dottedPath) {
        PathElement[] path = Arrays.stream(dottedPath.split("\\."))
                .map(PathElement::groupElement)
                .toArray(PathElement[]::new);
        return layout.byteOffset(path);
    }
}
