package dev.tracekit.analyzer.input;

import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcessInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

/**
 * Who a pid was at any moment of one recording: the processes of its snapshots, followed through the procs
 * family's forks, execs, renames and exits. A process is known by pid and start time, so a reused pid never mixes
 * two processes, and one that has exited still answers for the time it lived (the target of a SIGTERM that killed it).
 * Memory grows with the processes and execs recorded, not with the other events.
 */
public final class ProcessTimeline {
    /**
     * A snapshot's start time comes in clock ticks (10 ms at USER_HZ 100), a fork's to the ns: a process a snapshot
     * saw started within this of a fork of its pid is the one that fork made, seen again by a later file's snapshot.
     */
    private static final long SAME_START_NS = 20_000_000L;

    /** What a process was from {@code fromNs} on: its name, executable and command line (raw bytes). */
    private record Image(long fromNs, byte[] comm, byte[] exe, byte[] cmdline, boolean cmdlineTruncated) {
    }

    /**
     * One process as known at one moment.
     *
     * @param startNs    boot-clock start (a fork's time, or the snapshot's in ticks)
     * @param endNs      when its last thread exited, {@link Long#MAX_VALUE} if not recorded
     * @param exe        the executable: the snapshot's /proc/PID/exe, or the file an exec named; null unknown
     * @param cmdline    its arguments each followed by a NUL, as /proc/PID/cmdline; empty when unknown
     * @param cgroupId   its cgroup v2 id, 0 when unknown
     */
    public record Process(int pid, int ppid, long startNs, long endNs, long uid, byte[] comm, byte[] exe,
            byte[] cmdline, boolean cmdlineTruncated, long cgroupId) {
    }

    /**
     * One stretch of time over which a pid names one process as one image: {@link #at} answers {@code process} for
     * {@code pid} at every ns from {@code fromNs} to {@code toNs}, both included ({@link Long#MAX_VALUE}: from then
     * on). What a query engine joins events with, by pid and time, instead of asking {@link #at} per event.
     */
    public record Span(int pid, long fromNs, long toNs, Process process) {
    }

    /** One pid's life: its images in time order. Mutable while the timeline is built, then only read. */
    private static final class Life {
        final int pid;
        long startNs;
        long endNs = Long.MAX_VALUE;
        int ppid;
        long uid;
        long cgroupId;
        /** Known from a snapshot alone so far: a fork of its pid close to its start may be the one that made it. */
        boolean snapshotOnly;
        final List<Image> images = new ArrayList<>(1);
        /** What at() hands out, one per image once the timeline is built, so callers may cache by identity. */
        Process[] views;

        Life(int pid, long startNs, int ppid, long uid, long cgroupId) {
            this.pid = pid;
            this.startNs = startNs;
            this.ppid = ppid;
            this.uid = uid;
            this.cgroupId = cgroupId;
        }

        int imageIndexAt(long ns) {
            int found = 0;
            for (int i = 1; i < images.size(); i++) {
                if (images.get(i).fromNs() <= ns) {
                    found = i;
                }
            }
            return found;
        }

        Image imageAt(long ns) {
            return images.get(imageIndexAt(ns));
        }

        Process at(long ns) {
            if (views == null || views.length != images.size()) {
                views = new Process[images.size()];
            }
            int i = imageIndexAt(ns);
            if (views[i] == null) {
                Image image = images.get(i);
                views[i] = new Process(pid, ppid, startNs, endNs, uid, image.comm(), image.exe(), image.cmdline(),
                        image.cmdlineTruncated(), cgroupId);
            }
            return views[i];
        }
    }

    private final Map<Integer, List<Life>> byPid = new HashMap<>();
    private final ProcessIndex snapshots;
    private final Map<Long, CgroupService> services = new ConcurrentHashMap<>();
    /** Cgroups created while recording (CGROUP_MKDIR, since 1.3): the snapshots, taken before, cannot name them. */
    private final Map<Long, byte[]> createdCgroups = new HashMap<>();

    private ProcessTimeline(ProcessIndex snapshots) {
        this.snapshots = snapshots;
        for (ProcessInfo p : snapshots.all()) {
            Life life = new Life(p.getPid(), p.getStartTimeNs(), p.getPpid(), p.getUid(), p.getCgroupId());
            life.snapshotOnly = true;
            life.images.add(new Image(p.getStartTimeNs(), copy(p.getComm()), copy(p.getExe()), copy(p.getCmdline()),
                    p.getCmdlineTruncated()));
            byPid.computeIfAbsent(p.getPid(), pid -> new ArrayList<>()).add(life); // all() is by start already
        }
    }

    /** The timeline of the snapshots alone: what a recording without the procs family can say. */
    public static ProcessTimeline ofSnapshots(ProcessIndex snapshots) {
        return new ProcessTimeline(snapshots);
    }

    /** Builds a timeline from the snapshots and then the procs events, which must come in recorded order. */
    public static final class Builder implements RecordVisitor {
        private final ProcessTimeline timeline;

        public Builder(ProcessIndex snapshots) {
            this.timeline = new ProcessTimeline(snapshots);
        }

        @Override
        public void proc(Recording recording, ProcEvent e) {
            timeline.apply(e);
        }

        /** The timeline, which the events must not change any more. */
        public ProcessTimeline build() {
            return timeline;
        }
    }

    private void apply(ProcEvent e) {
        long ts = e.getHeader().getTsNs();
        switch (e.getKind()) {
            case FORK -> {
                if (Boolean.TRUE.equals(e.getChildIsThread()) || e.getChildPid() == null) {
                    return;
                }
                forked(e, ts);
            }
            case EXEC -> {
                Life life = lifeOrNew(e.getHeader().getPid(), ts, e.getPpid(), e.getHeader().getUid(),
                        e.getHeader().getCgroupId(), e);
                life.ppid = e.getPpid();
                life.uid = e.getHeader().getUid();
                life.cgroupId = e.getHeader().getCgroupId();
                life.images.add(new Image(ts, copy(e.getHeader().getComm()), copy(e.getFilename()), copy(e.getArgv()),
                        Boolean.TRUE.equals(e.getArgvTruncated())));
            }
            case RENAME -> {
                Integer renamed = e.getRenamedTid();
                if (renamed == null || renamed != e.getHeader().getPid() || e.getNewComm() == null) {
                    return; // another thread's name: the process keeps its main thread's
                }
                Life life = lifeOrNew(renamed, ts, e.getPpid(), e.getHeader().getUid(), e.getHeader().getCgroupId(), e);
                Image now = life.imageAt(ts);
                life.images.add(new Image(ts, copy(e.getNewComm()), now.exe(), now.cmdline(), now.cmdlineTruncated()));
            }
            case EXIT -> {
                if (!Boolean.TRUE.equals(e.getLastThread())) {
                    return;
                }
                Life life = lifeOrNew(e.getHeader().getPid(), ts, e.getPpid(), e.getHeader().getUid(),
                        e.getHeader().getCgroupId(), e);
                life.endNs = ts;
            }
            case CGROUP_MKDIR -> {
                if (e.getNewCgroupId() != null && e.getCgroupPath() != null) {
                    createdCgroups.putIfAbsent(e.getNewCgroupId(), copy(e.getCgroupPath()));
                }
            }
            case UNKNOWN -> {
            }
        }
    }

    private void forked(ProcEvent e, long ts) {
        int child = e.getChildPid();
        List<Life> lives = byPid.computeIfAbsent(child, pid -> new ArrayList<>());
        Life parent = live(e.getHeader().getPid(), ts);
        Image inherited = parent == null
                ? new Image(ts, copy(e.getHeader().getComm()), null, new byte[0], false)
                : parent.imageAt(ts);
        Life life = null;
        for (Life known : lives) {
            // A process another fork made, or one that has exited, is not this one: the pid was reused soon after.
            if (known.snapshotOnly && known.endNs > ts && Math.abs(known.startNs - ts) < SAME_START_NS) {
                life = known; // a later file's snapshot saw it: the fork tells its start and first image better
                life.images.clear();
                life.snapshotOnly = false;
                break;
            }
        }
        if (life == null) {
            life = new Life(child, ts, e.getHeader().getPid(), e.getHeader().getUid(), e.getHeader().getCgroupId());
            lives.add(life);
            lives.sort((a, b) -> Long.compare(a.startNs, b.startNs));
        }
        life.startNs = ts;
        life.ppid = e.getHeader().getPid();
        life.images.add(new Image(ts, copy(e.getHeader().getComm()), inherited.exe(), inherited.cmdline(),
                inherited.cmdlineTruncated()));
    }

    /** The process with {@code pid} at {@code ns}, or a new one known from this event on (its fork went unseen). */
    private Life lifeOrNew(int pid, long ns, int ppid, long uid, long cgroupId, ProcEvent e) {
        Life life = live(pid, ns);
        if (life != null && life.endNs >= ns) {
            return life;
        }
        life = new Life(pid, ns, ppid, uid, cgroupId);
        life.images.add(new Image(ns, copy(e.getHeader().getComm()), null, new byte[0], false));
        List<Life> lives = byPid.computeIfAbsent(pid, p -> new ArrayList<>());
        lives.add(life);
        lives.sort((a, b) -> Long.compare(a.startNs, b.startNs));
        return life;
    }

    /** The last process to have started with {@code pid} by {@code ns}. */
    private Life live(int pid, long ns) {
        List<Life> lives = byPid.get(pid);
        return lives == null ? null : lastStarted(lives, ns);
    }

    /** Of one pid's lives, the last in list order to have started by {@code ns}: the one {@link #at} names. */
    private static Life lastStarted(List<Life> lives, long ns) {
        Life found = null;
        for (Life life : lives) {
            if (life.startNs <= ns) {
                found = life;
            }
        }
        return found;
    }

    /**
     * The process that had {@code pid} at boot-clock time {@code ns}: the last to have started with it by then, as
     * it was then (its name and command line before a later exec). One that has exited still answers; empty when no
     * process with that pid was known by then.
     */
    public Optional<Process> at(int pid, long ns) {
        Life life = live(pid, ns);
        return life == null ? Optional.empty() : Optional.of(life.at(ns));
    }

    /**
     * Every pid's answers of {@link #at} as spans, by pid and time; a moment no span covers is one {@code at}
     * answers empty for. {@code at} changes its answer only at a life's start or an image's: between two such
     * moments of a pid, it is asked once, so the spans are exactly its answers.
     */
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        byPid.forEach((pid, lives) -> {
            long[] moments = lives.stream()
                    .flatMapToLong(life -> LongStream.concat(LongStream.of(life.startNs),
                            life.images.stream().mapToLong(Image::fromNs)))
                    .sorted().distinct().toArray();
            Span open = null;
            for (int i = 0; i < moments.length; i++) {
                Life life = lastStarted(lives, moments[i]);
                if (life == null) {
                    continue; // before the pid's first process
                }
                long to = i + 1 < moments.length ? moments[i + 1] - 1 : Long.MAX_VALUE;
                Process p = life.at(moments[i]);
                if (open != null && open.process() == p) {
                    open = new Span(pid, open.fromNs(), to, p); // an image's moment that changes nothing here
                } else {
                    if (open != null) {
                        spans.add(open);
                    }
                    open = new Span(pid, moments[i], to, p);
                }
            }
            if (open != null) {
                spans.add(open);
            }
        });
        spans.sort(Comparator.comparingInt(Span::pid).thenComparingLong(Span::fromNs));
        return spans;
    }

    /** Every process alive at {@code ns} (started by then, not yet exited), by pid. */
    public List<Process> aliveAt(long ns) {
        List<Process> alive = new ArrayList<>();
        byPid.forEach((pid, lives) -> {
            Life life = live(pid, ns);
            if (life != null && life.endNs > ns) {
                alive.add(life.at(ns));
            }
        });
        alive.sort((a, b) -> Integer.compare(a.pid(), b.pid()));
        return alive;
    }

    /**
     * The path of a cgroup id (raw bytes) as the snapshots' table has it, or as the CGROUP_MKDIR record of a cgroup
     * created while recording names it; empty when unknown.
     */
    public Optional<ByteBuffer> cgroupPath(long cgroupId) {
        return snapshots.cgroupPath(cgroupId).or(() -> Optional.ofNullable(createdCgroups.get(cgroupId))
                .map(path -> ByteBuffer.wrap(path).asReadOnlyBuffer()));
    }

    /** Every cgroup id with a known path: the snapshots' and those made while recording. */
    public Set<Long> cgroupIds() {
        Set<Long> ids = new HashSet<>(snapshots.cgroupIds());
        ids.addAll(createdCgroups.keySet());
        return ids;
    }

    /** What the cgroup's path says about its service; {@link CgroupService#NONE} when the path is unknown. */
    public CgroupService service(long cgroupId) {
        return services.computeIfAbsent(cgroupId, id -> cgroupPath(id)
                .map(path -> CgroupService.of(StandardCharsets.UTF_8.decode(path).toString()))
                .orElse(CgroupService.NONE));
    }

    /** True when it knows no process: the recording has no snapshot and no procs events. */
    public boolean isEmpty() {
        return byPid.isEmpty();
    }

    private static byte[] copy(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    /** A command line's arguments joined by spaces, as ps and execsnoop print it; "" for none. */
    public static byte[] joinedArgs(byte[] cmdline) {
        if (cmdline == null) {
            return new byte[0];
        }
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        byte[] joined = Arrays.copyOf(cmdline, end);
        for (int i = 0; i < joined.length; i++) {
            if (joined[i] == 0) {
                joined[i] = ' ';
            }
        }
        return joined;
    }
}
