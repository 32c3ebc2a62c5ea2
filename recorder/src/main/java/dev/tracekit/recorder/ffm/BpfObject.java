package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One BPF object file through its phases: open (from a classpath resource) → configure (read-only data,
 * map sizes, which programs load) → load → attach → close, which frees in reverse order.
 */
public final class BpfObject implements AutoCloseable {
    private static final String RESOURCE_DIR = "/dev/tracekit/bpf/";

    private final String name;
    private final Arena arena;
    private final MemorySegment obj;
    private final Map<String, MemorySegment> programs = new LinkedHashMap<>();
    private final List<MemorySegment> links = new ArrayList<>();

    private BpfObject(String name, Arena arena, MemorySegment obj) {
        this.name = name;
        this.arena = arena;
        this.obj = obj;
        for (MemorySegment prog = Libbpf.bpf_object__next_program(obj, MemorySegment.NULL);
                !prog.equals(MemorySegment.NULL); prog = Libbpf.bpf_object__next_program(obj, prog)) {
            programs.put(Libbpf.bpf_program__name(prog), prog);
        }
    }

    /** Opens {@code dev/tracekit/bpf/<name>.bpf.o} from the classpath. */
    public static BpfObject open(String name) {
        byte[] elf = readResource(name + ".bpf.o");
        Arena arena = Arena.ofShared();
        try {
            // libbpf reads the ELF image until load; it lives in this object's arena until close.
            MemorySegment image = arena.allocate(elf.length, 8).copyFrom(MemorySegment.ofArray(elf));
            MemorySegment opts = arena.allocate(24, 8); // struct bpf_object_open_opts up to object_name
            opts.set(JAVA_LONG, 0, 24);
            opts.set(ADDRESS, 8, arena.allocateFrom(name));
            return new BpfObject(name, arena, Libbpf.bpf_object__open_mem(image, elf.length, opts));
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static byte[] readResource(String file) {
        try (InputStream in = BpfObject.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("BPF object " + RESOURCE_DIR + file + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** Program names mapped to their section ({@code tracepoint/syscalls/sys_enter_openat}). */
    public Map<String, String> programSections() {
        Map<String, String> sections = new LinkedHashMap<>();
        programs.forEach((program, prog) -> sections.put(program, Libbpf.bpf_program__section_name(prog)));
        return sections;
    }

    /** Keeps a program from loading and attaching (before {@link #load}). */
    public void disableProgram(String program) {
        Libbpf.bpf_program__set_autoload(program(program), false);
    }

    private MemorySegment program(String program) {
        MemorySegment prog = programs.get(program);
        if (prog == null) {
            throw new IllegalArgumentException(name + " has no program " + program);
        }
        return prog;
    }

    /** Sizes a map (before {@link #load}). */
    public void setMaxEntries(String map, int maxEntries) {
        Libbpf.bpf_map__set_max_entries(map(map), maxEntries);
    }

    /** The object's read-only data, writable until {@link #load}. */
    public MemorySegment rodata() {
        return Libbpf.bpf_map__initial_value(map(".rodata"));
    }

    public void load() {
        Libbpf.bpf_object__load(obj);
        LibbpfLog.takeRecent(); // a successful load's log explains nothing later
    }

    /** Attaches every program that was loaded. */
    public void attach() {
        for (MemorySegment prog : programs.values()) {
            if (Libbpf.bpf_program__autoload(prog)) {
                links.add(Libbpf.bpf_program__attach(prog));
            }
        }
    }

    /** Unlinks the programs; maps stay readable until {@link #close}. */
    public void detach() {
        detachAll(List.of(this));
    }

    /**
     * Unlinks the programs of all these objects; maps stay readable until {@link #close}. Destroying a tracepoint
     * link's last fd waits out the kernel's grace periods for unregistering it (~40 ms each here, one after
     * another), so links are pinned first and released by the kernel in the background
     * ({@link DeferredLinkRelease}): the programs may run on for a moment after this returns. Links that cannot be
     * pinned are destroyed at once, on a thread each, so the waits at least overlap where the kernel allows.
     */
    public static void detachAll(List<BpfObject> objects) {
        if (objects.stream().allMatch(object -> object.links.isEmpty())) {
            return; // closing objects already detached (every stop does): no file system to mount for nothing
        }
        List<Future<?>> destroyed = new ArrayList<>();
        DeferredLinkRelease deferred = DeferredLinkRelease.open();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("bpf-detach").factory())) {
            for (BpfObject object : objects) {
                for (MemorySegment link : object.links) {
                    if (deferred != null && deferred.pin(link)) {
                        Libbpf.bpf_link__destroy(link); // closes an fd the pin outlives: no wait
                    } else {
                        destroyed.add(pool.submit(() -> Libbpf.bpf_link__destroy(link)));
                    }
                }
                object.links.clear();
            }
        } finally { // the pool's close waits for every link
            if (deferred != null) {
                deferred.close();
            }
        }
        for (Future<?> link : destroyed) {
            if (link.state() == Future.State.FAILED) {
                throw (RuntimeException) link.exceptionNow();
            }
        }
    }

    public int mapFd(String map) {
        return Libbpf.bpf_map__fd(map(map));
    }

    /** A ring buffer map, for reading it in place. */
    public RingBufferMap ringBuffer(String map) {
        MemorySegment found = map(map);
        return new RingBufferMap(Libbpf.bpf_map__fd(found), Libbpf.bpf_map__max_entries(found));
    }

    private MemorySegment map(String map) {
        return Libbpf.bpf_object__find_map_by_name(obj, arena.allocateFrom(map));
    }

    @Override
    public void close() {
        try {
            detach();
        } finally {
            Libbpf.bpf_object__close(obj);
            arena.close();
        }
    }
}
