package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.Recording;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two sets of recordings (before and after a deploy). Processes are compared by name
 * and signals by sender name and signal, because pids differ between runs; rates are per second of each
 * side's recorded time, so recordings of different lengths compare fairly.
 */
public final class RecordingDiff {
    /** One side: its recordings (by catalog index) and what was read from them. */
    public record Side(List<Recording> recordings, SummaryAggregate summary) {
        /** Seconds covered by the side's interval statistics; 1 when they have none (rates are then counts). */
        double seconds() {
            long ns = 0;
            for (Recording r : recordings) {
                if (r.startBootNs().isPresent()) {
                    ns += r.endBootNs().getAsLong() - r.startBootNs().getAsLong();
                }
            }
            return ns > 0 ? ns / 1e9 : 1.0;
        }
    }

    /** A rate on each side. */
    public record Change<K>(K key, double rateA, double rateB) {
        public double delta() {
            return rateB - rateA;
        }

        /** Change in percent of A's rate; null when A had none. */
        public Double percent() {
            return rateA == 0 ? null : 100.0 * delta() / rateA;
        }
    }

    /** Calls, failures and failures per errno of one thing (a path, a syscall) on one side. */
    public record Failures(long calls, long failed, Map<Integer, Long> byErrno) {
        static final Failures NONE = new Failures(0, 0, Map.of());
    }

    /** How something's failures changed: each side's figures and failure rates per second. */
    public record FailureChange<K>(K key, Failures a, Failures b, double failedRateA, double failedRateB) {
        public double delta() {
            return failedRateB - failedRateA;
        }
    }

    /** Something seen on one side only. */
    public record OnlyIn<K>(String side, K key, long count) {
    }

    /** Who sent which signal, by name. */
    public record SignalByName(ByteString senderComm, int signal) implements Comparable<SignalByName> {
        @Override
        public int compareTo(SignalByName other) {
            int byComm = senderComm.compareTo(other.senderComm);
            return byComm != 0 ? byComm : Integer.compare(signal, other.signal);
        }
    }

    private final Side a;
    private final Side b;

    public RecordingDiff(Side a, Side b) {
        this.a = a;
        this.b = b;
    }

    /** Syscall rates by name (numbers differ between architectures), largest change first. */
    public List<Change<String>> syscalls() {
        return changes(side -> {
            Map<String, Long> counts = new HashMap<>();
            for (SyscallRow row : side.summary().syscalls().rows(SyscallGrouping.SYSCALL, SyscallOrder.COUNT)) {
                String name = byIndex(side, row.recording()).syscalls().name(row.syscall());
                counts.merge(name, row.stats().count(), Long::sum);
            }
            return counts;
        });
    }

    /** Activity (syscalls, opens, signals sent) per second by process name, largest change first. */
    public List<Change<ByteString>> processes() {
        return changes(side -> {
            Map<ByteString, Long> counts = new HashMap<>();
            for (ProcessActivity p : side.summary().topProcesses()) {
                counts.merge(p.process().comm(), p.syscalls() + p.opens() + p.signalsSent(), Long::sum);
            }
            return counts;
        });
    }

    /**
     * Activity per second by command line (a process's arguments, which outlive its pid across restarts), largest
     * change first; commands are known in recordings with a process context (1.1 on).
     */
    public List<Change<ByteString>> commands() {
        return changes(side -> ContextTally.byName(side.summary().context().commands(), ContextTally::weight));
    }

    /** Activity per second by service (systemd unit, container, pod), largest change first. */
    public List<Change<String>> services() {
        return changes(side -> ContextTally.byName(side.summary().context().services(), ContextTally::weight));
    }

    /** Paths opened on one side only, most opened first. */
    public List<OnlyIn<ByteString>> filesOnlyInOne() {
        return onlyIn(side -> {
            Map<ByteString, Long> counts = new HashMap<>();
            for (Tally.Entry<OpenTally.FileKey> e : side.summary().opens().files().top(false)) {
                counts.merge(e.key().path(), e.total(), Long::sum);
            }
            return counts;
        });
    }

    /** (sender name, signal) pairs seen on one side only, most frequent first. */
    public List<OnlyIn<SignalByName>> signalsOnlyInOne() {
        return onlyIn(side -> {
            Map<SignalByName, Long> counts = new HashMap<>();
            for (Tally.Entry<KillTally.SignalKey> e : side.summary().kills().signals().top(false)) {
                counts.merge(new SignalByName(e.key().sender().comm(), e.key().signal()), e.total(), Long::sum);
            }
            return counts;
        });
    }

    /**
     * Paths whose opens failed on either side, by the change in failures per second: a file present on one
     * side and ENOENT on the other comes first, however many opens succeed elsewhere.
     */
    public List<FailureChange<ByteString>> failedOpens() {
        return failureChanges(side -> {
            Map<ByteString, long[]> calls = new HashMap<>();
            for (Tally.Entry<OpenTally.FileKey> e : side.summary().opens().files().top(false)) {
                long[] c = calls.computeIfAbsent(e.key().path(), k -> new long[2]);
                c[0] += e.total();
                c[1] += e.failed();
            }
            return calls;
        }, side -> {
            Map<ByteString, Map<Integer, Long>> errnos = new HashMap<>();
            for (Tally.Entry<FailureTally.PathErrno> e : side.summary().failures().opens().top(false)) {
                errnos.computeIfAbsent(e.key().path(), k -> new HashMap<>()).merge(e.key().errno(), e.total(), Long::sum);
            }
            return errnos;
        });
    }

    /** Syscalls (by name) that failed on either side, by the change in failures per second. */
    public List<FailureChange<String>> failedSyscalls() {
        return failureChanges(side -> {
            Map<String, long[]> calls = new HashMap<>();
            for (SyscallRow row : side.summary().syscalls().rows(SyscallGrouping.SYSCALL, SyscallOrder.COUNT)) {
                long[] c = calls.computeIfAbsent(byIndex(side, row.recording()).syscalls().name(row.syscall()),
                        k -> new long[2]);
                c[0] += row.stats().count();
                c[1] += row.stats().errors();
            }
            return calls;
        }, side -> {
            Map<String, Map<Integer, Long>> errnos = new HashMap<>();
            for (Tally.Entry<FailureTally.SyscallErrno> e : side.summary().failures().syscalls().top(false)) {
                String name = byIndex(side, e.key().recording()).syscalls().name(e.key().syscall());
                errnos.computeIfAbsent(name, k -> new HashMap<>()).merge(e.key().errno(), e.total(), Long::sum);
            }
            return errnos;
        });
    }

    private <K extends Comparable<K>> List<FailureChange<K>> failureChanges(Function<Side, Map<K, long[]>> calls,
            Function<Side, Map<K, Map<Integer, Long>>> errnos) {
        Map<K, Failures> sideA = failures(calls.apply(a), errnos.apply(a));
        Map<K, Failures> sideB = failures(calls.apply(b), errnos.apply(b));
        Set<K> keys = new TreeSet<>();
        sideA.forEach((key, f) -> {
            if (f.failed() > 0) {
                keys.add(key);
            }
        });
        sideB.forEach((key, f) -> {
            if (f.failed() > 0) {
                keys.add(key);
            }
        });
        double secondsA = a.seconds();
        double secondsB = b.seconds();
        List<FailureChange<K>> changes = new ArrayList<>();
        for (K key : keys) {
            Failures fa = sideA.getOrDefault(key, Failures.NONE);
            Failures fb = sideB.getOrDefault(key, Failures.NONE);
            changes.add(new FailureChange<>(key, fa, fb, fa.failed() / secondsA, fb.failed() / secondsB));
        }
        changes.sort(Comparator.comparingDouble((FailureChange<K> c) -> -Math.abs(c.delta()))
                .thenComparing(FailureChange::key));
        return changes;
    }

    private static <K> Map<K, Failures> failures(Map<K, long[]> calls, Map<K, Map<Integer, Long>> errnos) {
        Map<K, Failures> failures = new HashMap<>();
        calls.forEach((key, c) -> failures.put(key, new Failures(c[0], c[1], errnos.getOrDefault(key, Map.of()))));
        return failures;
    }

    private static Recording byIndex(Side side, int index) {
        for (Recording r : side.recordings()) {
            if (r.index() == index) {
                return r;
            }
        }
        throw new IllegalArgumentException("recording " + index + " is not on this side");
    }

    private <K extends Comparable<K>> List<Change<K>> changes(Function<Side, Map<K, Long>> counts) {
        Map<K, Long> countsA = counts.apply(a);
        Map<K, Long> countsB = counts.apply(b);
        Set<K> keys = new TreeSet<>(countsA.keySet());
        keys.addAll(countsB.keySet());
        double secondsA = a.seconds();
        double secondsB = b.seconds();
        List<Change<K>> changes = new ArrayList<>();
        for (K key : keys) {
            changes.add(new Change<>(key, countsA.getOrDefault(key, 0L) / secondsA, countsB.getOrDefault(key, 0L) / secondsB));
        }
        changes.sort(Comparator.comparingDouble((Change<K> c) -> -Math.abs(c.delta())).thenComparing(Change::key));
        return changes;
    }

    private <K extends Comparable<K>> List<OnlyIn<K>> onlyIn(Function<Side, Map<K, Long>> counts) {
        Map<K, Long> countsA = counts.apply(a);
        Map<K, Long> countsB = counts.apply(b);
        List<OnlyIn<K>> only = new ArrayList<>();
        countsA.forEach((key, n) -> {
            if (!countsB.containsKey(key)) {
                only.add(new OnlyIn<>("A", key, n));
            }
        });
        countsB.forEach((key, n) -> {
            if (!countsA.containsKey(key)) {
                only.add(new OnlyIn<>("B", key, n));
            }
        });
        only.sort(Comparator.comparingLong((OnlyIn<K> o) -> -o.count()).thenComparing(OnlyIn::side)
                .thenComparing(OnlyIn::key));
        return only;
    }
}
