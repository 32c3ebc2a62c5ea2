package dev.tracekit.recorder.counts;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.recorder.ffm.Libbpf;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A one-slot BPF_MAP_TYPE_PERCPU_ARRAY of u64 counters (drops, count overflows), read as per-CPU deltas.
 * Each CPU's slot has a single writer in the kernel, so the counts are exact.
 */
public final class PerCpuCounter {
    private final int mapFd;
    private final int cpus;
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment key = arena.allocate(JAVA_INT);
    private final MemorySegment values;
    private final long[] previous;

    public PerCpuCounter(int mapFd) {
        this.mapFd = mapFd;
        this.cpus = Libbpf.libbpf_num_possible_cpus();
        this.values = arena.allocate(JAVA_LONG, cpus);
        this.previous = new long[cpus];
    }

    /** Per CPU, what was added since the last call. */
    public long[] takeDeltas() {
        long[] deltas = new long[cpus];
        if (!Libbpf.bpf_map_lookup_elem(mapFd, key, values)) {
            return deltas;
        }
        for (int cpu = 0; cpu < cpus; cpu++) {
            long now = values.getAtIndex(JAVA_LONG, cpu);
            deltas[cpu] = now - previous[cpu];
            previous[cpu] = now;
        }
        return deltas;
    }
}
