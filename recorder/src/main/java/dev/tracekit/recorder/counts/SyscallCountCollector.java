package dev.tracekit.recorder.counts;

import static dev.tracekit.recorder.layout.TracekitStructs.COUNT_KEY;
import static dev.tracekit.recorder.layout.TracekitStructs.COUNT_VALUE;
import static dev.tracekit.recorder.layout.TracekitStructs.LATENCY_SLOTS;
import static dev.tracekit.recorder.layout.TracekitStructs.LATENCY_VALUE;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_IA32;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.recorder.decode.EventHeaderDecoder;
import dev.tracekit.recorder.ffm.Libbpf;
import dev.tracekit.recorder.output.RotatingStreamWriter;
import dev.tracekit.recorder.redact.Redactor;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the kernel's cumulative syscall counts once per interval and writes one {@link SyscallCount} row
 * per (process, syscall) that moved. Entries of processes that have exited are taken out of the map with
 * an atomic lookup-and-delete, so their last increments are still counted and the map does not fill up.
 * Which processes exited the kernel says (the {@code exited} map sched_process_exit fills), not /proc: in a
 * container's pid namespace /proc knows none of the host tgids the keys hold.
 */
public final class SyscallCountCollector {
    private static final long TGID = offset(COUNT_KEY, "tgid");
    private static final long SYSCALL = offset(COUNT_KEY, "syscall");
    private static final long COUNT = offset(COUNT_VALUE, "count");
    private static final long ERRORS = offset(COUNT_VALUE, "errors");
    private static final long COMM = offset(COUNT_VALUE, "comm");
    private static final long TOTAL_NS = offset(LATENCY_VALUE, "total_ns");
    private static final long HIST = offset(LATENCY_VALUE, "log2_hist");

    private final int countsFd;
    private final int latenciesFd;
    private final int exitedFd;
    private final boolean latency;
    private final CountDeltas deltas = new CountDeltas();
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment key = arena.allocate(COUNT_KEY);
    private final MemorySegment nextKey = arena.allocate(COUNT_KEY);
    private final MemorySegment countValue = arena.allocate(COUNT_VALUE);
    private final MemorySegment latencyValue = arena.allocate(LATENCY_VALUE);
    private final MemorySegment tgidKey = arena.allocate(JAVA_INT);
    private final MemorySegment nextTgid = arena.allocate(JAVA_INT);
    private final SyscallCount row = new SyscallCount();
    private final Redactor redactor;

    /**
     * @param latenciesFd the latency map, or -1 without --latency
     * @param exitedFd    the tgids of processes that ended, which the collector deletes once it took their counts
     */
    public SyscallCountCollector(int countsFd, int latenciesFd, int exitedFd, Redactor redactor) {
        this.countsFd = countsFd;
        this.latenciesFd = latenciesFd;
        this.exitedFd = exitedFd;
        this.latency = latenciesFd >= 0;
        this.redactor = redactor;
    }

    /** Writes the interval's rows; returns how many. */
    public long collect(long startNs, long endNs, RotatingStreamWriter<SyscallCount> out) throws IOException {
        // read before the keys: a process that ends after this is still live below, and ended next time
        Set<Integer> exited = exited();
        long rows = 0;
        for (long packedKey : keys()) {
            int tgid = (int) (packedKey >>> 32);
            int syscall = (int) packedKey;
            key.set(JAVA_INT, TGID, tgid);
            key.set(JAVA_INT, SYSCALL, syscall);
            CountDeltas.Counts delta = exited.contains(tgid) ? finalDelta(tgid, syscall) : delta(tgid, syscall);
            if (delta != null && !delta.isZero()) {
                write(startNs, endNs, tgid, syscall, delta, out);
                rows++;
            }
        }
        for (int tgid : exited) {
            tgidKey.set(JAVA_INT, 0, tgid);
            Libbpf.bpf_map_delete_elem(exitedFd, tgidKey);
        }
        return rows;
    }

    private Set<Integer> exited() {
        Set<Integer> tgids = new HashSet<>();
        MemorySegment previous = MemorySegment.NULL;
        while (Libbpf.bpf_map_get_next_key(exitedFd, previous, nextTgid)) {
            tgids.add(nextTgid.get(JAVA_INT, 0));
            previous = tgidKey.copyFrom(nextTgid);
        }
        return tgids;
    }

    private List<Long> keys() {
        List<Long> keys = new ArrayList<>();
        MemorySegment previous = MemorySegment.NULL;
        while (Libbpf.bpf_map_get_next_key(countsFd, previous, nextKey)) {
            keys.add(((long) nextKey.get(JAVA_INT, TGID) << 32) | Integer.toUnsignedLong(nextKey.get(JAVA_INT, SYSCALL)));
            previous = key.copyFrom(nextKey);
        }
        return keys;
    }

    private CountDeltas.Counts delta(int tgid, int syscall) {
        if (!Libbpf.bpf_map_lookup_elem(countsFd, key, countValue)) {
            return null;
        }
        boolean hasLatency = latency && Libbpf.bpf_map_lookup_elem(latenciesFd, key, latencyValue);
        return deltas.advance(tgid, syscall, cumulative(hasLatency));
    }

    private CountDeltas.Counts finalDelta(int tgid, int syscall) {
        // the latency entry goes too, even when the count is already gone, or nothing would ever delete it
        boolean hasCount = Libbpf.bpf_map_lookup_and_delete_elem(countsFd, key, countValue);
        boolean hasLatency = latency && Libbpf.bpf_map_lookup_and_delete_elem(latenciesFd, key, latencyValue);
        if (!hasCount) {
            return null;
        }
        return deltas.finish(tgid, syscall, cumulative(hasLatency));
    }

    private CountDeltas.Counts cumulative(boolean hasLatency) {
        long[] hist = null;
        long total = 0;
        if (latency) {
            hist = new long[LATENCY_SLOTS];
            if (hasLatency) {
                total = latencyValue.get(JAVA_LONG, TOTAL_NS);
                MemorySegment.copy(latencyValue, JAVA_LONG, HIST, hist, 0, LATENCY_SLOTS);
            }
        }
        return new CountDeltas.Counts(countValue.get(JAVA_LONG, COUNT), countValue.get(JAVA_LONG, ERRORS), total, hist);
    }

    private void write(long startNs, long endNs, int tgid, int syscall, CountDeltas.Counts delta,
            RotatingStreamWriter<SyscallCount> out) throws IOException {
        row.setIntervalStartNs(startNs);
        row.setIntervalEndNs(endNs);
        row.setPid(tgid);
        row.setComm(EventHeaderDecoder.comm(countValue, COMM));
        // the key's SYSCALL_IA32 flag becomes the row's abi; the number stays the ia32 table's
        boolean ia32 = (syscall & SYSCALL_IA32) != 0;
        row.setSyscall(syscall & ~SYSCALL_IA32);
        row.setAbi(ia32 ? SyscallAbi.IA32 : null);
        row.setCount(delta.count());
        row.setErrors(delta.errors());
        row.setLatencyTotalNs(latency ? delta.latencyTotalNs() : null);
        row.setLatencyLog2Hist(latency ? Arrays.stream(delta.log2Hist()).boxed().toList() : null);
        redactor.redact(row);
        out.append(row);
    }
}
