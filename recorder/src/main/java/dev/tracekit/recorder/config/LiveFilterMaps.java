package dev.tracekit.recorder.config;

import static dev.tracekit.recorder.layout.TracekitStructs.LIVE_FILTER;
import static dev.tracekit.recorder.layout.TracekitStructs.TASK_COMM_LEN;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.ffm.BpfObject;
import dev.tracekit.recorder.ffm.Libbpf;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Writes a {@link LiveFilter} into one BPF object's filter maps. A change never opens a gap: new members
 * are added first, then the on/off switches flip, then old members go, so for a moment the union of old
 * and new is traced rather than neither. When old and new members together would overflow a map, the filters
 * are switched off while the members are swapped: for that moment everything is traced, still never a gap.
 */
public final class LiveFilterMaps {
    /** filter_syscalls is an array indexed by syscall number, then ia32 number (MAX_SYSCALL_NR in common.bpf.h). */
    public static final int MAX_SYSCALL_NR = 1024;
    private static final SyscallTable SYSCALLS = SyscallTable.of(Arch.current());

    private final BpfObject object;
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment one = arena.allocateFrom(JAVA_BYTE, (byte) 1);
    private final MemorySegment zero = arena.allocateFrom(JAVA_BYTE, (byte) 0);
    private LiveFilter current = LiveFilter.NONE;
    private boolean stopped;

    public LiveFilterMaps(BpfObject object) {
        this.object = object;
    }

    public void apply(LiveFilter next) {
        if (unionFits(next)) {
            update(next, true);
            writeSwitches(next);
            update(next, false);
        } else {
            writeSwitches(LiveFilter.NONE);
            update(next, false);
            update(next, true);
            writeSwitches(next);
        }
        current = next;
    }

    /**
     * Makes every program of the object let everything pass untraced from now on: the recording's end, at once,
     * where unlinking the programs takes the kernel tens of milliseconds per tracepoint.
     */
    public void stop() {
        stopped = true;
        writeSwitches(current);
    }

    private boolean unionFits(LiveFilter next) {
        return unionSize(current.pids(), next.pids()) <= LiveFilter.MAX_ENTRIES
                && unionSize(current.tids(), next.tids()) <= LiveFilter.MAX_ENTRIES
                && unionSize(current.uids(), next.uids()) <= LiveFilter.MAX_ENTRIES
                && unionSize(current.comms(), next.comms()) <= LiveFilter.MAX_ENTRIES;
    }

    private static <T> int unionSize(Set<T> a, Set<T> b) {
        Set<T> union = new HashSet<>(a);
        union.addAll(b);
        return union.size();
    }

    /** Adds the members {@code next} has and {@code current} lacks, or removes those it no longer has. */
    private void update(LiveFilter next, boolean adding) {
        change("filter_pids", current.pids(), next.pids(), adding, this::putU32);
        change("filter_tids", current.tids(), next.tids(), adding, this::putU32);
        change("filter_uids", current.uids(), next.uids(), adding, (fd, uid) -> putU32(fd, uid.intValue()));
        change("filter_comms", current.comms(), next.comms(), adding, this::putComm);
        change("filter_syscalls", current.syscalls(), next.syscalls(), adding, this::putSyscall);
    }

    private <T> void change(String map, Set<T> before, Set<T> after, boolean adding, BiConsumer<MapEdit, T> op) {
        int fd = object.mapFd(map);
        Set<T> members = new HashSet<>(adding ? after : before);
        members.removeAll(adding ? before : after);
        for (T member : members) {
            op.accept(new MapEdit(fd, adding), member);
        }
    }

    private record MapEdit(int fd, boolean present) {
    }

    private void putU32(MapEdit edit, Integer value) {
        MemorySegment key = arena.allocateFrom(JAVA_INT, value);
        if (edit.present()) {
            Libbpf.bpf_map_update_elem(edit.fd(), key, one, Libbpf.BPF_ANY);
        } else {
            Libbpf.bpf_map_delete_elem(edit.fd(), key);
        }
    }

    private void putComm(MapEdit edit, String comm) {
        MemorySegment key = arena.allocate(TASK_COMM_LEN);
        byte[] bytes = comm.getBytes(StandardCharsets.UTF_8);
        key.copyFrom(MemorySegment.ofArray(bytes));
        if (edit.present()) {
            Libbpf.bpf_map_update_elem(edit.fd(), key, one, Libbpf.BPF_ANY);
        } else {
            Libbpf.bpf_map_delete_elem(edit.fd(), key);
        }
    }

    /**
     * An array slot cannot be deleted: membership is its value. The syscall of the same name in the ia32 table,
     * if any, is chosen alike (slot MAX_SYSCALL_NR + its ia32 number): -e open means open whichever table a
     * process called it through.
     */
    private void putSyscall(MapEdit edit, Integer nr) {
        MemorySegment choice = edit.present() ? one : zero;
        Libbpf.bpf_map_update_elem(edit.fd(), arena.allocateFrom(JAVA_INT, nr), choice, Libbpf.BPF_ANY);
        OptionalInt ia32 = SYSCALLS.number("ia32:" + SYSCALLS.name(nr));
        if (ia32.isPresent()) {
            int slot = MAX_SYSCALL_NR + (ia32.getAsInt() & ~SyscallTable.IA32);
            Libbpf.bpf_map_update_elem(edit.fd(), arena.allocateFrom(JAVA_INT, slot), choice, Libbpf.BPF_ANY);
        }
    }

    private void writeSwitches(LiveFilter next) {
        MemorySegment value = arena.allocate(LIVE_FILTER);
        value.set(JAVA_BYTE, offset(LIVE_FILTER, "pids"), flag(next.pids()));
        value.set(JAVA_BYTE, offset(LIVE_FILTER, "tids"), flag(next.tids()));
        value.set(JAVA_BYTE, offset(LIVE_FILTER, "uids"), flag(next.uids()));
        value.set(JAVA_BYTE, offset(LIVE_FILTER, "comms"), flag(next.comms()));
        value.set(JAVA_BYTE, offset(LIVE_FILTER, "syscalls"), flag(next.syscalls()));
        value.set(JAVA_BYTE, offset(LIVE_FILTER, "stopped"), stopped ? (byte) 1 : (byte) 0);
        Libbpf.bpf_map_update_elem(object.mapFd("live_filter"), arena.allocateFrom(JAVA_INT, 0), value, Libbpf.BPF_ANY);
    }

    private static byte flag(Set<?> set) {
        return (byte) (set.isEmpty() ? 0 : 1);
    }
}
