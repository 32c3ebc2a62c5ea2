package dev.tracekit.recorder;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.config.LiveFilter;
import dev.tracekit.recorder.config.LiveFilterMaps;
import dev.tracekit.recorder.counts.PerCpuCounter;
import dev.tracekit.recorder.ffm.BpfObject;
import dev.tracekit.recorder.host.Tracefs;
import dev.tracekit.schema.Family;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BPF objects a run needs, configured from the options and loaded; attached only when the writers are
 * ready. Programs for families not asked for, and for tracepoints this kernel lacks, are never loaded.
 */
final class TracingPrograms implements AutoCloseable {
    /** A ring buffer of one page for objects whose events nobody asked for (it must exist to load). */
    private static final int UNUSED_RING_BYTES = 4096;

    /** One loaded object, the family its drops count against, and whether its ring buffer is consumed. */
    private record Loaded(BpfObject object, Family family, boolean consumed, LiveFilterMaps filters,
            PerCpuCounter drops) {
    }

    private final List<Loaded> loaded;

    private TracingPrograms(List<Loaded> loaded) {
        this.loaded = loaded;
    }

    static TracingPrograms load(RecorderOptions options, LiveFilter filter, Path tracefs, PrintWriter err) {
        List<Loaded> loaded = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try {
            if (options.records(EventFamily.SYSCALLS) || options.records(EventFamily.SYSCALL_EVENTS)) {
                boolean entries = options.records(EventFamily.SYSCALL_EVENTS)
                        || (options.latency() && options.records(EventFamily.SYSCALLS));
                loaded.add(open("syscalls", Family.SYSCALL_EVENTS, options.records(EventFamily.SYSCALL_EVENTS),
                        options, filter, tracefs, missing, program -> !program.equals("syscall_enter") || entries));
            }
            if (options.records(EventFamily.OPENS)) {
                loaded.add(open("opens", Family.OPENS, true, options, filter, tracefs, missing, program -> true));
            }
            if (options.records(EventFamily.KILLS) || options.records(EventFamily.KERNEL_SIGNALS)) {
                loaded.add(open("kills", Family.KILLS, true, options, filter, tracefs, missing,
                        program -> program.equals("signal_generate")
                                ? options.records(EventFamily.KERNEL_SIGNALS) : options.records(EventFamily.KILLS)));
            }
        } catch (RuntimeException e) {
            loaded.reversed().forEach(l -> l.object().close());
            throw e;
        }
        if (!missing.isEmpty()) {
            err.println("tracekit record: warning: this kernel lacks tracepoints " + String.join(", ", missing)
                    + "; those syscalls are not recorded");
        }
        return new TracingPrograms(loaded);
    }

    private interface ProgramChoice {
        boolean wanted(String program);
    }

    private static Loaded open(String name, Family family, boolean consumed, RecorderOptions options,
            LiveFilter filter, Path tracefs,
            List<String> missing, ProgramChoice choice) {
        BpfObject object = BpfObject.open(name);
        try {
            for (Map.Entry<String, String> program : object.programSections().entrySet()) {
                String[] section = program.getValue().split("/"); // tracepoint/<category>/<name>
                boolean exists = Tracefs.hasTracepoint(tracefs, section[1], section[2]);
                if (!exists && choice.wanted(program.getKey())) {
                    missing.add(section[1] + ":" + section[2]);
                }
                if (!exists || !choice.wanted(program.getKey())) {
                    object.disableProgram(program.getKey());
                }
            }
            long ringBytes = consumed ? options.ringbufSize() : UNUSED_RING_BYTES;
            object.setMaxEntries("events", (int) ringBytes);
            if (name.equals("syscalls") && !(options.latency() && options.records(EventFamily.SYSCALLS))) {
                object.setMaxEntries("latencies", 1);
            }
            // Wake the consumer early only when a ring is an eighth full; otherwise it reads every poll timeout.
            BpfConfig.write(object.rodata(), options, SyscallTable.of(Arch.current()), (int) ProcessHandle.current().pid(),
                    ringBytes / 8);
            object.load();
            LiveFilterMaps filters = new LiveFilterMaps(object);
            filters.apply(filter);
            return new Loaded(object, family, consumed, filters, new PerCpuCounter(object.mapFd("drops")));
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    void attach() {
        loaded.forEach(l -> l.object().attach());
    }

    /** Stops every program; what is in the rings and maps stays readable. */
    void detach() {
        loaded.forEach(l -> l.object().detach());
    }

    /** Ring buffers to consume. */
    List<Integer> ringBufferFds() {
        return loaded.stream().filter(Loaded::consumed).map(l -> l.object().mapFd("events")).toList();
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

    @Override
    public void close() {
        loaded.reversed().forEach(l -> l.object().close());
    }
}
