package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * The libbpf 1.x functions the recorder uses, bound from libbpf.so.1, one {@link NativeFunction} each and
 * named like the C function. Only symbols of libbpf's stable exported API (libbpf.map) are bound:
 * {@code LibbpfBindingTest} resolves every one. libbpf 1.0 returns NULL and sets errno, or returns a
 * negative errno; both become a {@link NativeCallException} carrying libbpf's recent log lines.
 */
@SuppressWarnings("restricted") // binding native code is this class's job
public final class Libbpf {
    public static final int BPF_ANY = 0;
    public static final int BPF_MAP_TYPE_RINGBUF = 27;

    private static final SymbolLookup LIBBPF = SymbolLookup.libraryLookup("libbpf.so.1", Arena.global());

    private static final NativeFunction LIBBPF_SET_PRINT = fn("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final NativeFunction LIBBPF_NUM_POSSIBLE_CPUS = fn("libbpf_num_possible_cpus",
            FunctionDescriptor.of(JAVA_INT));
    private static final NativeFunction LIBBPF_PROBE_BPF_MAP_TYPE = fn("libbpf_probe_bpf_map_type",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final NativeFunction BPF_OBJECT__OPEN_MEM = fn("bpf_object__open_mem",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final NativeFunction BPF_OBJECT__LOAD = fn("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final NativeFunction BPF_OBJECT__CLOSE = deferred("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
    private static final NativeFunction BPF_OBJECT__FIND_PROGRAM_BY_NAME = fn("bpf_object__find_program_by_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_OBJECT__NEXT_PROGRAM = fn("bpf_object__next_program",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_OBJECT__FIND_MAP_BY_NAME = fn("bpf_object__find_map_by_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_PROGRAM__NAME = fn("bpf_program__name", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final NativeFunction BPF_PROGRAM__SECTION_NAME = fn("bpf_program__section_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final NativeFunction BPF_PROGRAM__SET_AUTOLOAD = fn("bpf_program__set_autoload",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN));
    private static final NativeFunction BPF_PROGRAM__AUTOLOAD = fn("bpf_program__autoload",
            FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
    private static final NativeFunction BPF_PROGRAM__ATTACH = fn("bpf_program__attach", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final NativeFunction BPF_LINK__PIN = deferred("bpf_link__pin", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_LINK__DESTROY = deferred("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final NativeFunction BPF_MAP__FD = fn("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final NativeFunction BPF_MAP__MAX_ENTRIES = fn("bpf_map__max_entries",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final NativeFunction BPF_MAP__SET_MAX_ENTRIES = fn("bpf_map__set_max_entries",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final NativeFunction BPF_MAP__INITIAL_VALUE = fn("bpf_map__initial_value",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_MAP_LOOKUP_ELEM = deferred("bpf_map_lookup_elem",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_MAP_UPDATE_ELEM = fn("bpf_map_update_elem",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    private static final NativeFunction BPF_MAP_DELETE_ELEM = deferred("bpf_map_delete_elem",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final NativeFunction BPF_MAP_GET_NEXT_KEY = deferred("bpf_map_get_next_key",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final NativeFunction BPF_MAP_LOOKUP_AND_DELETE_ELEM = deferred("bpf_map_lookup_and_delete_elem",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

    static {
        LIBBPF_SET_PRINT.call(LibbpfLog.callback());
    }

    private Libbpf() {
    }

    /**
     * Links every native function bound for later (libbpf's and libc's alike): called once recording, on a
     * thread of its own, so that neither the start nor the stop spends its time linking.
     */
    public static void linkDeferred() {
        NativeFunction.linkAll();
    }

    private static NativeFunction fn(String name, FunctionDescriptor descriptor) {
        return NativeFunction.find(LIBBPF, name, descriptor);
    }

    /** For what a start never calls: the stop's, the interval's map reads, a config reload's deletes. */
    private static NativeFunction deferred(String name, FunctionDescriptor descriptor) {
        return NativeFunction.findDeferred(LIBBPF, name, descriptor);
    }

    public static int libbpf_num_possible_cpus() {
        return checked(LIBBPF_NUM_POSSIBLE_CPUS, LIBBPF_NUM_POSSIBLE_CPUS.callInt());
    }

    /** @return whether the kernel supports the map type */
    public static boolean libbpf_probe_bpf_map_type(int mapType) {
        return checked(LIBBPF_PROBE_BPF_MAP_TYPE, LIBBPF_PROBE_BPF_MAP_TYPE.callInt(mapType, MemorySegment.NULL)) == 1;
    }

    public static MemorySegment bpf_object__open_mem(MemorySegment buffer, long size, MemorySegment opts) {
        return nonNull(BPF_OBJECT__OPEN_MEM, BPF_OBJECT__OPEN_MEM.callPointer(buffer, size, opts));
    }

    public static void bpf_object__load(MemorySegment obj) {
        checked(BPF_OBJECT__LOAD, BPF_OBJECT__LOAD.callInt(obj));
    }

    public static void bpf_object__close(MemorySegment obj) {
        BPF_OBJECT__CLOSE.call(obj);
    }

    public static MemorySegment bpf_object__find_program_by_name(MemorySegment obj, MemorySegment name) {
        return nonNull(BPF_OBJECT__FIND_PROGRAM_BY_NAME, BPF_OBJECT__FIND_PROGRAM_BY_NAME.callPointer(obj, name));
    }

    /** @return the program after {@code prog} (NULL: the first), or NULL after the last */
    public static MemorySegment bpf_object__next_program(MemorySegment obj, MemorySegment prog) {
        return BPF_OBJECT__NEXT_PROGRAM.callPointer(obj, prog);
    }

    public static MemorySegment bpf_object__find_map_by_name(MemorySegment obj, MemorySegment name) {
        return nonNull(BPF_OBJECT__FIND_MAP_BY_NAME, BPF_OBJECT__FIND_MAP_BY_NAME.callPointer(obj, name));
    }

    public static String bpf_program__name(MemorySegment prog) {
        return BPF_PROGRAM__NAME.callPointer(prog).reinterpret(Integer.MAX_VALUE).getString(0);
    }

    public static String bpf_program__section_name(MemorySegment prog) {
        return BPF_PROGRAM__SECTION_NAME.callPointer(prog).reinterpret(Integer.MAX_VALUE).getString(0);
    }

    public static void bpf_program__set_autoload(MemorySegment prog, boolean autoload) {
        checked(BPF_PROGRAM__SET_AUTOLOAD, BPF_PROGRAM__SET_AUTOLOAD.callInt(prog, autoload));
    }

    public static boolean bpf_program__autoload(MemorySegment prog) {
        return (boolean) BPF_PROGRAM__AUTOLOAD.call(prog);
    }

    public static MemorySegment bpf_program__attach(MemorySegment prog) {
        return nonNull(BPF_PROGRAM__ATTACH, BPF_PROGRAM__ATTACH.callPointer(prog));
    }

    /** Pins a link in a BPF file system; false (errno in libbpf's return) when that failed. */
    public static boolean bpf_link__pin(MemorySegment link, MemorySegment path) {
        return BPF_LINK__PIN.callInt(link, path) == 0;
    }

    public static void bpf_link__destroy(MemorySegment link) {
        checked(BPF_LINK__DESTROY, BPF_LINK__DESTROY.callInt(link));
    }

    public static int bpf_map__fd(MemorySegment map) {
        return checked(BPF_MAP__FD, BPF_MAP__FD.callInt(map));
    }

    /** For a ring buffer: its data size in bytes. */
    public static int bpf_map__max_entries(MemorySegment map) {
        return BPF_MAP__MAX_ENTRIES.callInt(map);
    }

    public static void bpf_map__set_max_entries(MemorySegment map, int maxEntries) {
        checked(BPF_MAP__SET_MAX_ENTRIES, BPF_MAP__SET_MAX_ENTRIES.callInt(map, maxEntries));
    }

    /** The map's initial data (.rodata before load), writable until load, sized as libbpf reports. */
    public static MemorySegment bpf_map__initial_value(MemorySegment map) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            MemorySegment value = nonNull(BPF_MAP__INITIAL_VALUE, BPF_MAP__INITIAL_VALUE.callPointer(map, size));
            return value.reinterpret(size.get(JAVA_LONG, 0));
        }
    }

    /** @return false when the key is absent (ENOENT) */
    public static boolean bpf_map_lookup_elem(int fd, MemorySegment key, MemorySegment value) {
        return presence(BPF_MAP_LOOKUP_ELEM, BPF_MAP_LOOKUP_ELEM.callInt(fd, key, value));
    }

    public static void bpf_map_update_elem(int fd, MemorySegment key, MemorySegment value, long flags) {
        checked(BPF_MAP_UPDATE_ELEM, BPF_MAP_UPDATE_ELEM.callInt(fd, key, value, flags));
    }

    /** @return false when the key was absent */
    public static boolean bpf_map_delete_elem(int fd, MemorySegment key) {
        return presence(BPF_MAP_DELETE_ELEM, BPF_MAP_DELETE_ELEM.callInt(fd, key));
    }

    /** @return false after the last key */
    public static boolean bpf_map_get_next_key(int fd, MemorySegment key, MemorySegment nextKey) {
        return presence(BPF_MAP_GET_NEXT_KEY, BPF_MAP_GET_NEXT_KEY.callInt(fd, key, nextKey));
    }

    /** @return false when the key is absent */
    public static boolean bpf_map_lookup_and_delete_elem(int fd, MemorySegment key, MemorySegment value) {
        return presence(BPF_MAP_LOOKUP_AND_DELETE_ELEM, BPF_MAP_LOOKUP_AND_DELETE_ELEM.callInt(fd, key, value));
    }

    private static int checked(NativeFunction function, int rc) {
        if (rc < 0) {
            throw failure(function, -rc);
        }
        return rc;
    }

    private static boolean presence(NativeFunction function, int rc) {
        if (rc == -2) { // ENOENT
            return false;
        }
        checked(function, rc);
        return true;
    }

    private static MemorySegment nonNull(NativeFunction function, MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            throw failure(function, NativeFunction.lastErrno());
        }
        return pointer;
    }

    private static NativeCallException failure(NativeFunction function, int errno) {
        return new NativeCallException(function.name(), errno, LibbpfLog.takeRecent());
    }
}
