package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.names.Errnos;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Syscalls and failures per time window of each recording, and nothing else: the rate chart needs only
 * per-window totals, so memory is recordings × windows however many processes and syscalls there are. Counts
 * or events per recording as {@link SyscallSource} decides; windows start at the recording's start, as those of
 * {@code syscalls --interval} do.
 */
public final class SyscallRateTally implements RecordVisitor {
    private final SyscallSource source;
    private final long windowNs;
    /** Indexed by recording, then window; grown as recordings and windows appear. */
    private long[][] calls = new long[0][];
    private long[][] errors = new long[0][];
    /** Each recording's start, looked up once rather than per record. */
    private long[] startNs = new long[0];

    public SyscallRateTally(SyscallSource source, long windowNs) {
        this.source = source;
        this.windowNs = windowNs;
    }

    @Override
    public Set<OptionalField> reads() {
        return EnumSet.noneOf(OptionalField.class); // it reads time and result: none optional
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent e) {
        if (source.usesEvents(recording)) {
            add(recording, e.getHeader().getTsNs(), 1, Errnos.ofReturnValue(e.getRet()) != 0 ? 1 : 0);
        }
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount c) {
        if (source.usesCounts(recording)) {
            add(recording, c.getIntervalStartNs(), c.getCount(), c.getErrors());
        }
    }

    private void add(Recording recording, long bootNs, long n, long failed) {
        int index = recording.index();
        if (index >= calls.length || calls[index] == null) {
            ensure(index, recording.startBootNs().orElse(0), 0);
        }
        long window = Math.floorDiv(bootNs - startNs[index], windowNs);
        if (window < 0 || window >= Integer.MAX_VALUE / 2) {
            return; // outside the recording's intervals: no window of the chart holds it
        }
        ensure(index, startNs[index], (int) window);
        calls[index][(int) window] += n;
        errors[index][(int) window] += failed;
    }

    /** Makes room for the recording (starting at {@code start}) and its window. */
    private void ensure(int recording, long start, int window) {
        if (recording >= calls.length) {
            calls = Arrays.copyOf(calls, recording + 1);
            errors = Arrays.copyOf(errors, recording + 1);
            startNs = Arrays.copyOf(startNs, recording + 1);
        }
        if (calls[recording] == null) {
            calls[recording] = new long[Math.max(16, window + 1)];
            errors[recording] = new long[calls[recording].length];
            startNs[recording] = start;
        } else if (window >= calls[recording].length) {
            int length = Math.max(window + 1, calls[recording].length * 2);
            calls[recording] = Arrays.copyOf(calls[recording], length);
            errors[recording] = Arrays.copyOf(errors[recording], length);
        }
    }

    /** Adds another thread's sums into this one. */
    public void merge(SyscallRateTally other) {
        for (int index = 0; index < other.calls.length; index++) {
            long[] theirs = other.calls[index];
            if (theirs != null) {
                ensure(index, other.startNs[index], theirs.length - 1);
                for (int w = 0; w < theirs.length; w++) {
                    calls[index][w] += theirs[w];
                    errors[index][w] += other.errors[index][w];
                }
            }
        }
    }

    public long windowNs() {
        return windowNs;
    }

    public long calls(Recording recording, int window) {
        return at(calls, recording.index(), window);
    }

    public long errors(Recording recording, int window) {
        return at(errors, recording.index(), window);
    }

    private static long at(long[][] table, int recording, int window) {
        return recording < table.length && table[recording] != null && window < table[recording].length
                ? table[recording][window] : 0;
    }
}
