package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.SignalPairing;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Named;
import dev.tracekit.names.Errnos;
import dev.tracekit.names.OpenFlags;
import dev.tracekit.names.Signals;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallAbi;
import java.util.Locale;

/** Numbers paired with their names, decoded with the recording's architecture where that matters. */
final class Names {
    /** The kernel's TRACE_SIGNAL_* codes, and SignalPairing's MIXED_FATES after them. */
    private static final String[] GENERATE_RESULTS = {"delivered", "ignored", "already_pending", "overflow", "lost_info",
        "mixed"};

    private Names() {
    }

    /** A syscall as aggregates key it: an ia32 call's number has {@link SyscallTable#IA32} set. */
    static Named syscall(Recording recording, int number) {
        return new Named(number & ~SyscallTable.IA32, recording.syscalls().name(number));
    }

    /** A record's syscall: its number in the table {@code abi} names, the name saying which (ia32:open). */
    static Named syscall(Recording recording, int number, SyscallAbi abi) {
        return syscall(recording, SyscallTable.keyOf(number, abi));
    }

    /**
     * How a signal was sent, as every {@code syscall} column means it: the syscall's number in the recording's
     * architecture, with its name; -1 for {@code signal_generate}, which no syscall made.
     */
    static Named killSyscall(Recording recording, KillSyscall syscall) {
        return syscallByName(recording, syscall.name());
    }

    /** An open's syscall by number and name, as {@link #killSyscall}; -1 where the architecture lacks it. */
    static Named openSyscall(Recording recording, OpenSyscall syscall) {
        return syscallByName(recording, syscall.name());
    }

    private static Named syscallByName(Recording recording, String symbol) {
        String name = symbol.toLowerCase(Locale.ROOT);
        return new Named(recording.syscalls().number(name).orElse(-1), name);
    }

    static Named signal(int signal) {
        return new Named(signal, Signals.name(signal));
    }

    /** An errno, or 0 for success as opensnoop prints it. */
    static Named errno(int errno) {
        return new Named(errno, errno == 0 ? "0" : Errnos.name(errno));
    }

    static Named openFlags(Recording recording, long flags) {
        return new Named(flags, recording.openFlags().decode(flags));
    }

    /**
     * An open's mode, or null where the flags give it no meaning: the kernel reads it only with O_CREAT or
     * O_TMPFILE, and earlier recorders stored whatever the register held otherwise.
     */
    static Long openMode(Recording recording, OpenEvent e) {
        OpenFlags flags = recording.openFlags();
        boolean meaningful = flags.has(e.getFlags(), "O_CREAT") || flags.has(e.getFlags(), "O_TMPFILE");
        return meaningful ? (long) e.getMode() : null;
    }

    /** What the kernel did with a signal, or null when it recorded nothing of it. */
    static Named signalFate(int fate) {
        return fate == SignalPairing.NO_FATE ? null : new Named(fate, generateResult(fate));
    }

    private static String generateResult(int code) {
        return code >= 0 && code < GENERATE_RESULTS.length ? GENERATE_RESULTS[code] : Integer.toString(code);
    }

    /** A kill's result: 0, an errno name, or for kernel-generated signals what became of the signal. */
    static Named killResult(KillEvent e) {
        int result = e.getResult();
        if (e.getSyscall() == KillSyscall.SIGNAL_GENERATE) {
            return new Named(result, generateResult(result));
        }
        return new Named(result, result < 0 ? Errnos.name(-result) : Integer.toString(result));
    }
}
