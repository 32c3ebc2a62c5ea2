package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * What {@code tracekit top} shows, summed as the recording is read: syscalls by process and syscall, with each
 * process's first call (what names its command and service), failed opens by path and errno, signals by sender and
 * target. Memory grows with distinct keys, as every tally's does.
 */
public final class TopTally implements RecordVisitor {
    private final SyscallTally syscalls;
    private final KillTally kills = new KillTally();
    private final FailureTally failures = new FailureTally();
    /** Each process row's (pid and name) first call, kept as the syscall tally meets each new key. */
    private final ProcessLives firstCalls = new ProcessLives();
    private final ByteInterner comms = new ByteInterner();
    private volatile boolean stopped;

    public TopTally(SyscallSource source) {
        this.syscalls = new SyscallTally(source, 0, false, SyscallGrouping.PROCESS_SYSCALL, this::firstCall);
    }

    private void firstCall(Recording recording, int pid, ByteBuffer comm, long tsNs, long cgroupId) {
        firstCalls.seen(new ProcessKey(recording.index(), pid, comms.intern(comm)),
                new ProcessLives.Sighting(pid, tsNs, cgroupId));
    }

    @Override
    public Set<OptionalField> reads() {
        Set<OptionalField> reads = EnumSet.of(OptionalField.CGROUP_AND_CPU); // a syscall event's cgroup: its service
        reads.addAll(RecordVisitor.readsOf(syscalls, kills));
        return reads;
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount count) {
        syscalls.syscallCount(recording, count);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        syscalls.syscallEvent(recording, event);
    }

    @Override
    public void open(Recording recording, OpenEvent e) {
        failures.open(recording, e);
    }

    @Override
    public void kill(Recording recording, KillEvent event) {
        kills.kill(recording, event);
    }

    /** Adds another thread's sums into this one. */
    public void merge(TopTally other) {
        syscalls.merge(other.syscalls);
        kills.merge(other.kills);
        failures.merge(other.failures);
        firstCalls.merge(other.firstCalls);
    }

    /** Asks the reading to stop ({@code top}'s q key): {@link #wantsMore} turns false. */
    public void stop() {
        stopped = true;
    }

    @Override
    public boolean wantsMore() {
        return !stopped;
    }

    public SyscallTally syscalls() {
        return syscalls;
    }

    /**
     * The first call counted of a process row ({@link SyscallGrouping#PROCESS}), which its command and service are
     * those of; null for a row this tally did not count.
     */
    public ProcessLives.Sighting firstCall(SyscallRow row) {
        return firstCalls.firstOf(new ProcessKey(row.recording(), row.pid(), row.comm()));
    }

    public KillTally kills() {
        return kills;
    }

    /** Failed opens by the path shown (the full path where recorded) and errno, as every other verb counts them. */
    public Tally<FailureTally.PathErrno> failedOpens() {
        return failures.opens();
    }
}
