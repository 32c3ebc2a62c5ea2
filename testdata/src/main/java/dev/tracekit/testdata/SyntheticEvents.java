package dev.tracekit.testdata;

import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Makes the events of a synthetic host: plausible processes doing plausible syscalls, opens and kills over a
 * number of one-second intervals, seeded so every run yields the same events.
 */
final class SyntheticEvents {
    static final long INTERVAL_NS = 1_000_000_000L;
    static final int AT_FDCWD = -100;
    private static final int CPUS = 2;

    private final SyntheticHost host;
    private final List<SyntheticProcess> processes;
    private final int intervals;
    private final SyscallTable syscalls;
    private final SplittableRandom random;

    SyntheticEvents(SyntheticHost host, List<SyntheticProcess> processes, int intervals) {
        this.host = host;
        this.processes = List.copyOf(processes);
        this.intervals = intervals;
        this.syscalls = SyscallTable.of(host.arch());
        this.random = new SplittableRandom(host.seed());
    }

    /** A time anywhere in the recording. */
    long randomTime() {
        return host.startBootNs() + random.nextLong(intervals * INTERVAL_NS);
    }

    private SyntheticProcess randomProcess() {
        return processes.get(random.nextInt(processes.size()));
    }

    private int randomTid(SyntheticProcess process) {
        return process.tids().get(random.nextInt(process.tids().size()));
    }

    private int syscall(String name) {
        return syscalls.number(name).orElseThrow(() -> new IllegalArgumentException(
                name + " is not a syscall on " + host.arch()));
    }

    /** Per-event syscalls drawn from the given names; about one in eight fails. */
    List<SyscallEvent> syscallEvents(int count, List<String> names) {
        List<SyscallEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticProcess process = randomProcess();
            long duration = 200 + random.nextLong(1L << (8 + random.nextInt(14)));
            long ret = random.nextInt(8) == 0 ? -(1 + random.nextInt(3) * 10L) : random.nextInt(4096);
            events.add(SyscallEvent.newBuilder()
                    .setHeader(process.header(randomTime(), randomTid(process), random.nextInt(CPUS)))
                    .setSyscall(syscall(names.get(random.nextInt(names.size()))))
                    .setArg0(random.nextInt(64))
                    .setArg1(0x7f00_0000_0000L + random.nextLong(1L << 32))
                    .setArg2(random.nextInt(65536))
                    .setArg3(0)
                    .setArg4(0)
                    .setArg5(0)
                    .setRet(ret)
                    .setDurationNs(duration)
                    .build());
        }
        events.sort(Comparator.comparingLong(e -> e.getHeader().getTsNs()));
        return events;
    }

    /** The interval counts a recorder running with both syscall families would have written for these events. */
    List<SyscallCount> countsOf(List<SyscallEvent> events, boolean latency) {
        Map<List<Long>, SyscallCount> rows = new TreeMap<>(SyntheticEvents::compareKeys);
        for (SyscallEvent event : events) {
            long interval = intervalOf(event.getHeader().getTsNs());
            List<Long> key = List.of(interval, (long) event.getHeader().getPid(), (long) event.getSyscall());
            SyscallCount row = rows.computeIfAbsent(key, k -> newCount(interval, event, latency));
            row.setCount(row.getCount() + 1);
            if (event.getRet() < 0 && event.getRet() >= -4095) {
                row.setErrors(row.getErrors() + 1);
            }
            if (latency) {
                row.setLatencyTotalNs(row.getLatencyTotalNs() + event.getDurationNs());
                int slot = 63 - Long.numberOfLeadingZeros(Math.max(1, event.getDurationNs()));
                List<Long> hist = row.getLatencyLog2Hist();
                hist.set(slot, hist.get(slot) + 1);
            }
        }
        return new ArrayList<>(rows.values());
    }

    private SyscallCount newCount(long interval, SyscallEvent event, boolean latency) {
        long start = host.startBootNs() + interval * INTERVAL_NS;
        return SyscallCount.newBuilder()
                .setIntervalStartNs(start)
                .setIntervalEndNs(start + INTERVAL_NS)
                .setPid(event.getHeader().getPid())
                .setComm(event.getHeader().getComm())
                .setSyscall(event.getSyscall())
                .setCount(0)
                .setErrors(0)
                .setLatencyTotalNs(latency ? 0L : null)
                .setLatencyLog2Hist(latency ? new ArrayList<>(Collections.nCopies(64, 0L)) : null)
                .build();
    }

    private static int compareKeys(List<Long> a, List<Long> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Interval counts with no per-event capture behind them, as a counts-only recording has. */
    List<SyscallCount> counts(List<String> names, int maxPerInterval) {
        List<SyscallCount> rows = new ArrayList<>();
        for (int interval = 0; interval < intervals; interval++) {
            long start = host.startBootNs() + interval * INTERVAL_NS;
            for (SyntheticProcess process : processes) {
                for (String name : names) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    long count = 1 + random.nextLong(maxPerInterval);
                    rows.add(SyscallCount.newBuilder()
                            .setIntervalStartNs(start)
                            .setIntervalEndNs(start + INTERVAL_NS)
                            .setPid(process.pid())
                            .setComm(ByteBuffer.wrap(process.comm()))
                            .setSyscall(syscall(name))
                            .setCount(count)
                            .setErrors(random.nextInt(4) == 0 ? random.nextLong(count + 1) : 0)
                            .setLatencyTotalNs(null)
                            .setLatencyLog2Hist(null)
                            .build());
                }
            }
        }
        return rows;
    }

    /** Ordinary opens of the given paths: mostly successes, some ENOENT and EACCES. */
    List<OpenEvent> opens(int count, List<String> paths, boolean legacySyscalls) {
        List<OpenEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticProcess process = randomProcess();
            String path = paths.get(random.nextInt(paths.size()));
            int roll = random.nextInt(20);
            int result = roll == 0 ? -2 : roll == 1 ? -13 : 3 + random.nextInt(60);
            long flags = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 02000000;
                case 2 -> 01 | 0100 | 01000 | 02000000;
                default -> 02 | 0100;
            };
            OpenSyscall syscall = legacySyscalls && random.nextInt(10) == 0 ? OpenSyscall.OPEN : OpenSyscall.OPENAT;
            events.add(open(process, randomTime(), syscall, AT_FDCWD, path.getBytes(StandardCharsets.UTF_8),
                    false, flags, (flags & 0100) != 0 ? 0644 : 0, 0, result));
        }
        return events;
    }

    OpenEvent open(SyntheticProcess process, long tsNs, OpenSyscall syscall, int dirfd, byte[] path,
            boolean truncated, long flags, int mode, long resolve, int result) {
        return OpenEvent.newBuilder()
                .setHeader(process.header(tsNs, randomTid(process), random.nextInt(CPUS)))
                .setSyscall(syscall)
                .setDirfd(dirfd)
                .setPath(ByteBuffer.wrap(path))
                .setPathTruncated(truncated)
                .setFlags(flags)
                .setMode(mode)
                .setResolve(resolve)
                .setResult(result)
                // what a 1.2 recorder writes for an absolute path; files of earlier versions do not carry it
                .setFullPathStatus(path.length > 0 && path[0] == '/' ? FullPathStatus.ABSOLUTE
                        : FullPathStatus.NOT_RECORDED)
                .build();
    }

    KillEvent kill(SyntheticProcess sender, long tsNs, KillSyscall syscall, int targetPid, int targetTid,
            int signal, int result) {
        return KillEvent.newBuilder()
                .setHeader(sender.header(tsNs, randomTid(sender), random.nextInt(CPUS)))
                .setSyscall(syscall)
                .setTargetPid(targetPid)
                .setTargetTid(targetTid)
                .setSignal(signal)
                .setResult(result)
                .build();
    }

    /** A time inside the given interval, for edge cases that must land in a known interval. */
    long timeIn(int interval) {
        return host.startBootNs() + interval * INTERVAL_NS + random.nextLong(INTERVAL_NS);
    }

    int intervalOf(long tsNs) {
        return (int) ((tsNs - host.startBootNs()) / INTERVAL_NS);
    }

    /**
     * The interval statistics matching what was written: records per family per interval, the given drops,
     * and a wall-clock sample that drifts by a few microseconds, as NTP makes it.
     */
    List<IntervalStats> intervalStats(Map<Family, List<Long>> timestampsByFamily, Map<Integer, List<Drop>> drops) {
        List<IntervalStats> stats = new ArrayList<>();
        for (int interval = 0; interval < intervals; interval++) {
            Map<String, Long> events = new TreeMap<>();
            for (Map.Entry<Family, List<Long>> family : timestampsByFamily.entrySet()) {
                int current = interval;
                long n = family.getValue().stream().filter(ts -> intervalOf(ts) == current).count();
                events.put(family.getKey().name(), n);
            }
            long start = host.startBootNs() + interval * INTERVAL_NS;
            stats.add(IntervalStats.newBuilder()
                    .setIntervalStartNs(start)
                    .setIntervalEndNs(start + INTERVAL_NS)
                    .setBootToWallNs(host.bootTimeWallNs() + interval * 1_500L)
                    .setEvents(events)
                    .setDrops(drops.getOrDefault(interval, List.of()))
                    .setCountOverflows(0)
                    .build());
        }
        return stats;
    }
}
