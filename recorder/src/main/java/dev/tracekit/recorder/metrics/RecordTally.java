package dev.tracekit.recorder.metrics;

import dev.tracekit.names.Errnos;
import dev.tracekit.names.Signals;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.output.RecordObserver;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallAbi;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ObjLongConsumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Running totals of what the recording wrote, kept for a scraper: syscalls and failed syscalls by number, failed
 * per-event syscalls by number and errno, opens by result, signals by number and source, records kept and lost by
 * family. Totals only grow: they are sums
 * of what was written, so neither a file rotation nor a --config reload resets them.
 *
 * <p>One writer (the recording thread) and readers on other threads (scrapes): each slot is written with a
 * release store of its own new value instead of an atomic increment, which costs the writer nothing more than
 * a plain store, and a scrape sees every slot at most one record behind.
 */
public final class RecordTally implements RecordObserver {
    /** Syscall numbers below this are kept (x86_64 and aarch64 use fewer than 600). */
    static final int SYSCALL_SLOTS = 1024;
    /** Slot 0 counts successful opens, slot n failures with errno n. */
    static final int OPEN_SLOTS = 4096;
    private static final Family[] FAMILIES = Family.values();

    private final boolean syscallsFromEvents;
    /** The upper half counts ia32 calls, by their ia32 number. */
    private final AtomicLongArray syscalls = new AtomicLongArray(2 * SYSCALL_SLOTS);
    private final AtomicLongArray syscallErrors = new AtomicLongArray(2 * SYSCALL_SLOTS);
    private final AtomicLongArray opens = new AtomicLongArray(OPEN_SLOTS);
    private final AtomicLongArray sentSignals = new AtomicLongArray(Signals.SIGRTMAX + 1);
    private final AtomicLongArray kernelSignals = new AtomicLongArray(Signals.SIGRTMAX + 1);
    private final SyscallErrnoTally failuresByErrno = new SyscallErrnoTally();
    private final AtomicLongArray recorded = new AtomicLongArray(FAMILIES.length);
    private final AtomicLongArray lost = new AtomicLongArray(FAMILIES.length);

    /**
     * @param syscallsFromEvents count syscalls from per-event records: only when the recording has no in-kernel
     *                           counts, which already count every syscall the events would
     */
    public RecordTally(boolean syscallsFromEvents) {
        this.syscallsFromEvents = syscallsFromEvents;
    }

    @Override
    public void appended(RecordingStream stream, SpecificRecord record) {
        switch (record) {
            case SyscallCount c -> {
                add(syscalls, syscallSlot(c.getSyscall(), c.getAbi()), c.getCount());
                add(syscallErrors, syscallSlot(c.getSyscall(), c.getAbi()), c.getErrors());
            }
            case SyscallEvent e -> syscallEvent(e.getSyscall(), e.getAbi() == SyscallAbi.IA32, e.getRet());
            case OpenEvent e -> open(e.getResult());
            case KillEvent e -> kill(e.getSyscall().ordinal(), e.getSignal());
            case IntervalStats s -> interval(s);
            default -> {
            }
        }
    }

    /**
     * A per-event syscall record: its number and return value (recorded from the ring, encoded without a record).
     * Its errno is counted whatever else counts the syscall: the in-kernel counts keep none.
     */
    public void syscallEvent(int syscall, boolean ia32, long ret) {
        int slot = syscallSlot(syscall, ia32 ? SyscallAbi.IA32 : null);
        int errno = Errnos.ofReturnValue(ret);
        if (syscallsFromEvents) {
            add(syscalls, slot, 1);
            add(syscallErrors, slot, errno != 0 ? 1 : 0);
        }
        if (errno != 0 && slot >= 0) {
            failuresByErrno.add(slot, errno);
        }
    }

    /** An open record's result. */
    public void open(int result) {
        add(opens, result >= 0 ? 0 : -result, 1);
    }

    /** A kill record: its {@code enum kill_syscall} (KillSyscall's order) and signal. */
    public void kill(int syscall, int signal) {
        add(syscall == KillSyscall.SIGNAL_GENERATE.ordinal() ? kernelSignals : sentSignals, signal, 1);
    }

    private void interval(IntervalStats s) {
        for (Map.Entry<String, Long> written : s.getEvents().entrySet()) {
            for (Family family : FAMILIES) {
                if (family.name().equals(written.getKey())) {
                    add(recorded, family.ordinal(), written.getValue());
                }
            }
        }
        for (Drop drop : s.getDrops()) {
            add(lost, drop.getFamily().ordinal(), drop.getCount());
        }
    }

    /** -1 (not counted) for a number past the slots, which would otherwise land among the other table's. */
    private static int syscallSlot(int number, SyscallAbi abi) {
        if (number < 0 || number >= SYSCALL_SLOTS) {
            return -1;
        }
        return abi == SyscallAbi.IA32 ? SYSCALL_SLOTS + number : number;
    }

    /** Values out of range (a forged signal number, an errno past 4095) are not counted rather than misfiled. */
    private static void add(AtomicLongArray slots, int index, long n) {
        if (index >= 0 && index < slots.length() && n != 0) {
            slots.lazySet(index, slots.get(index) + n);
        }
    }

    /** Non-zero syscall totals: (number, count), an ia32 call's number with {@link SyscallTable#IA32} set. */
    void forEachSyscall(ObjLongConsumer<Integer> each) {
        nonZero(syscalls, (slot, n) -> each.accept(syscallNumber(slot), n));
    }

    void forEachFailedSyscall(ObjLongConsumer<Integer> each) {
        nonZero(syscallErrors, (slot, n) -> each.accept(syscallNumber(slot), n));
    }

    /** Failed per-event syscalls: (number as {@link #forEachSyscall} gives it, errno, count); past the cap, -1, -1. */
    void forEachSyscallErrno(SyscallErrnoTally.PairConsumer each) {
        failuresByErrno.forEach((slot, errno, n) -> each.accept(slot < 0 ? slot : syscallNumber(slot), errno, n));
    }

    private static int syscallNumber(int slot) {
        return slot < SYSCALL_SLOTS ? slot : (slot - SYSCALL_SLOTS) | SyscallTable.IA32;
    }

    /** Non-zero open totals: (0 for success or the errno, count). */
    void forEachOpenResult(ObjLongConsumer<Integer> each) {
        nonZero(opens, each);
    }

    void forEachSentSignal(ObjLongConsumer<Integer> each) {
        nonZero(sentSignals, each);
    }

    void forEachKernelSignal(ObjLongConsumer<Integer> each) {
        nonZero(kernelSignals, each);
    }

    long recorded(Family family) {
        return recorded.get(family.ordinal());
    }

    long lost(Family family) {
        return lost.get(family.ordinal());
    }

    private static void nonZero(AtomicLongArray slots, ObjLongConsumer<Integer> each) {
        for (int i = 0; i < slots.length(); i++) {
            long value = slots.get(i);
            if (value != 0) {
                each.accept(i, value);
            }
        }
    }
}
