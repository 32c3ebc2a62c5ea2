package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

/**
 * What {@code tracekit top} shows, summed as the recording is read: syscalls by process and syscall, failed opens
 * by path and errno, signals by sender and target. Memory grows with distinct keys, as every tally's does.
 */
public final class TopTally implements RecordVisitor {
    private final SyscallTally syscalls;
    private final KillTally kills = new KillTally();
    private final FailureTally failures = new FailureTally();
    private volatile boolean stopped;

    public TopTally(SyscallSource source) {
        this.syscalls = new SyscallTally(source, 0, false, SyscallGrouping.PROCESS_SYSCALL);
    }

    @Override
    public Set<OptionalField> reads() {
        return RecordVisitor.readsOf(syscalls, kills);
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

    public KillTally kills() {
        return kills;
    }

    /** Failed opens by the path shown (the full path where recorded) and errno, as every other verb counts them. */
    public Tally<FailureTally.PathErrno> failedOpens() {
        return failures.opens();
    }
}
