package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OpenPaths;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.names.Errnos;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallEvent;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * Failures by what failed and with which errno: failed opens per path, failed syscalls per syscall (from
 * per-event records; in-kernel counts carry no errno). Grows with the distinct failures, not with events.
 */
public final class FailureTally implements RecordVisitor {
    /** A path that failed to open with an errno, on one recording's host. */
    public record PathErrno(int recording, ByteString path, int errno) implements Comparable<PathErrno> {
        private static final Comparator<PathErrno> ORDER = Comparator.comparingInt(PathErrno::recording)
                .thenComparing(PathErrno::path).thenComparingInt(PathErrno::errno);

        @Override
        public int compareTo(PathErrno other) {
            return ORDER.compare(this, other);
        }
    }

    /** A syscall (by number, in its recording's architecture) that failed with an errno. */
    public record SyscallErrno(int recording, int syscall, int errno) implements Comparable<SyscallErrno> {
        private static final Comparator<SyscallErrno> ORDER = Comparator.comparingInt(SyscallErrno::recording)
                .thenComparingInt(SyscallErrno::syscall).thenComparingInt(SyscallErrno::errno);

        @Override
        public int compareTo(SyscallErrno other) {
            return ORDER.compare(this, other);
        }
    }

    private final Tally<PathErrno> opens = new Tally<>();
    private final Tally<SyscallErrno> syscalls = new Tally<>();
    private final ByteInterner paths = new ByteInterner();

    @Override
    public Set<OptionalField> reads() {
        return EnumSet.noneOf(OptionalField.class); // path, syscall and result: none optional
    }

    @Override
    public void open(Recording recording, OpenEvent e) {
        if (e.getResult() < 0) {
            opens.add(new PathErrno(recording.index(), paths.intern(OpenPaths.shown(e)), -e.getResult()), true);
        }
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent e) {
        int errno = Errnos.ofReturnValue(e.getRet());
        if (errno != 0) {
            syscalls.add(new SyscallErrno(recording.index(), SyscallTable.keyOf(e.getSyscall(), e.getAbi()), errno), true);
        }
    }

    public void merge(FailureTally other) {
        opens.merge(other.opens);
        syscalls.merge(other.syscalls);
    }

    /** Failed opens by path and errno. */
    public Tally<PathErrno> opens() {
        return opens;
    }

    /** Failed syscall events by syscall and errno. */
    public Tally<SyscallErrno> syscalls() {
        return syscalls;
    }
}
