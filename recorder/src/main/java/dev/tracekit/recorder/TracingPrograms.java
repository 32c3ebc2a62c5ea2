package dev.tracekit.recorder;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.config.LiveFilter;
import dev.tracekit.recorder.config.LiveFilterMaps;
import dev.tracekit.recorder.counts.PerCpuCounter;
import dev.tracekit.recorder.ffm.BpfObject;
import dev.tracekit.recorder.ffm.RingBufferMap;
import dev.tracekit.recorder.host.Tracefs;
import dev.tracekit.schema.Family;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The BPF objects a run needs, configured from the options and loaded; attached only when the writers are
 * ready. Programs for families not asked for, and for tracepoints this kernel lacks, are never loaded.
 */
final class TracingPrograms implements AutoCloseable {
    /** A ring buffer of one page for objects whose events nobody asked for (it must exist to load). */
    private static final int UNUSED_RING_BYTES = 4096;
    /** As many (process, syscall) latency entries as counts entries (syscalls.bpf.c sizes counts so). */
    private static final int LATENCY_ENTRIES = 16384;

    /** One loaded object, the family its drops count against, and whether its ring buffer is consumed. */
    private record Loaded(BpfObject object, Family family, boolean consumed, LiveFilterMaps filters,
            PerCpuCounter drops) {
    }

    private final List<Loaded> loaded;

    private TracingPrograms(List<Loaded> loaded) {
        this.loaded = loaded;
    }

    /**
     * What to load of one object: the family its drops count against, whether its ring buffer is read, which
     * of its programs are wanted, and the sizes of the maps that depend on the options.
     */
    private record Plan(String object, Family family, boolean consumed, Predicate<String> wanted,
            Map<String, Integer> mapSizes) {
    }

    private static List<Plan> plans(RecorderOptions options) {
        List<Plan> plans = new ArrayList<>();
        int ring = (int) options.ringbufSize();
        if (options.records(EventFamily.SYSCALLS) || options.records(EventFamily.SYSCALL_EVENTS)) {
            boolean events = options.records(EventFamily.SYSCALL_EVENTS);
            boolean latency = options.latency() && options.records(EventFamily.SYSCALLS);
            // Without syscall-events the object's only loss is a call's entry (no memory for the task's slot):
            // its latency is missing from the counts, so it is theirs, not a stream's that is not recorded.
            boolean counts = options.records(EventFamily.SYSCALLS);
            plans.add(new Plan("syscalls", events ? Family.SYSCALL_EVENTS : Family.SYSCALL_COUNTS, events,
                    program -> switch (program) {
                        case "syscall_enter" -> events || latency; // entries only for these
                        case "process_exit" -> counts; // tells the count collector which processes ended
                        default -> true;
                    },
                    Map.of("events", events ? ring : UNUSED_RING_BYTES, "latencies", latency ? LATENCY_ENTRIES : 1)));
        }
        if (options.records(EventFamily.OPENS)) {
            plans.add(new Plan("opens", Family.OPENS, true, TracingPrograms::forThisArch, Map.of("events", ring)));
        }
        if (options.records(EventFamily.KILLS) || options.records(EventFamily.KERNEL_SIGNALS)) {
            // What the kernel did with a signal (ignored, already pending, ...) is its fate, not a failure:
            // with --failed-only nothing of signal_generate is kept, as the analyzer's --failed keeps none.
            plans.add(new Plan("kills", Family.KILLS, true,
                    program -> program.equals("signal_generate")
                            ? options.records(EventFamily.KERNEL_SIGNALS) && !options.failedOnly()
                            : options.records(EventFamily.KILLS) && forThisArch(program),
                    Map.of("events", ring)));
        }
        if (options.records(EventFamily.PROCS)) {
            plans.add(new Plan("procs", Family.PROCS, true, program -> true, Map.of("events", ring)));
        }
        return plans;
    }

    /** ia32_* programs catch x86_64's compat calls, which the syscalls:* tracepoints skip; no other machine has them. */
    private static boolean forThisArch(String program) {
        return !program.startsWith("ia32_") || Arch.current() == Arch.X86_64;
    }

    /** @param selfTgid the recorder's tgid as the kernel numbers it (HostTgid), which no program traces */
    static TracingPrograms load(RecorderOptions options, LiveFilter filter, Path tracefs, int selfTgid,
            PrintWriter err) {
        List<Loaded> loaded = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try {
            for (Plan plan : plans(options)) {
                loaded.add(open(plan, options, filter, tracefs, selfTgid, missing));
            }
        } catch (RuntimeException e) {
            loaded.reversed().forEach(l -> l.object().close());
            throw e;
        }
        if (options.records(EventFamily.KERNEL_SIGNALS) && options.failedOnly()) {
            err.println("tracekit record: warning: --failed-only records no kernel-signals: what the kernel does "
                    + "with a signal is its fate, not a failure");
        }
        if (!missing.isEmpty()) {
            err.println("tracekit record: warning: this kernel lacks tracepoints " + String.join(", ", missing)
                    + "; their events are not recorded");
        }
        return new TracingPrograms(loaded);
    }

    private static Loaded open(Plan plan, RecorderOptions options, LiveFilter filter, Path tracefs, int selfTgid,
            List<String> missing) {
        BpfObject object = BpfObject.open(plan.object());
        StartupTrace.mark("opened", plan.object());
        try {
            for (Map.Entry<String, String> program : object.programSections().entrySet()) {
                String tracepoint = tracepointOf(program.getValue());
                boolean exists = Tracefs.hasTracepoint(tracefs, tracepoint);
                boolean wanted = plan.wanted().test(program.getKey());
                if (wanted && !exists) {
                    missing.add(tracepoint);
                }
                if (!wanted || !exists) {
                    object.disableProgram(program.getKey());
                }
            }
            plan.mapSizes().forEach(object::setMaxEntries);
            // Wake the consumer early only when a ring is an eighth full; otherwise it reads every poll timeout.
            BpfConfig.write(object.rodata(), options, SyscallTable.of(Arch.current()), selfTgid,
                    plan.mapSizes().get("events") / 8);
            object.load();
            StartupTrace.mark("loaded", plan.object());
            LiveFilterMaps filters = new LiveFilterMaps(object);
            filters.apply(filter);
            return new Loaded(object, plan.family(), plan.consumed(), filters,
                    new PerCpuCounter(object.mapFd("drops")));
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /** The tracepoint of a program's section: category:name of tracepoint/category/name, name of tp_btf/name. */
    static String tracepointOf(String section) {
        String[] parts = section.split("/");
        return switch (parts[0]) {
            case "tracepoint" -> parts[1] + ":" + parts[2];
            case "tp_btf" -> parts[1];
            default -> throw new IllegalStateException("program section " + section + " is not a tracepoint");
        };
    }

    void attach() {
        loaded.forEach(l -> l.object().attach());
    }

    /**
     * Ends the recording at once: every program lets everything pass untraced from now on (they stay attached
     * until {@link #close}, which unlinks them); what is in the rings and maps stays readable.
     */
    void stop() {
        loaded.forEach(l -> l.filters().stop());
    }

    /** Ring buffers to consume, by the family whose events each carries. */
    Map<Family, RingBufferMap> ringBuffers() {
        Map<Family, RingBufferMap> rings = new EnumMap<>(Family.class);
        loaded.stream().filter(Loaded::consumed).forEach(l -> rings.put(l.family(), l.object().ringBuffer("events")));
        return rings;
    }

    Optional<BpfObject> syscalls() {
        return loaded.stream().map(Loaded::object).filter(o -> o.name().equals("syscalls")).findFirst();
    }

    void applyFilter(LiveFilter filter) {
        loaded.forEach(l -> l.filters().apply(filter));
    }

    /** Per family, per CPU, the records lost since the last call. */
    Map<Family, long[]> takeDrops() {
        Map<Family, long[]> drops = new EnumMap<>(Family.class);
        loaded.forEach(l -> drops.put(l.family(), l.drops().takeDeltas()));
        return drops;
    }

    /** Unlinks every program of every object at once (the kernel's waits overlap), then closes the objects. */
    @Override
    public void close() {
        try {
            BpfObject.detachAll(loaded.stream().map(Loaded::object).toList());
        } finally {
            loaded.reversed().forEach(l -> l.object().close());
        }
    }
}
