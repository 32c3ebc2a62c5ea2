package dev.tracekit.names;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Linux signal names. x86_64 and aarch64 share the generic numbering. Real-time signals are named as glibc and
 * bash name them (`kill -l`): glibc keeps the kernel's first two (32, 33) for its threads, so its SIGRTMIN is
 * 34, 35 is SIGRTMIN+1, 49 SIGRTMIN+15, 50 SIGRTMAX-14 and 64 SIGRTMAX. 32 and 33 have no glibc name and are
 * named as strace names every real-time signal, from the kernel's first: SIGRT_0, SIGRT_1.
 */
public final class Signals {
    /** The kernel's first real-time signal. */
    public static final int KERNEL_SIGRTMIN = 32;
    /** glibc's SIGRTMIN on Linux (x86_64 and aarch64 alike), what programs mean by SIGRTMIN+n. */
    public static final int SIGRTMIN = 34;
    public static final int SIGRTMAX = 64;
    /** bash names 34..49 from SIGRTMIN up and 50..64 from SIGRTMAX down. */
    private static final int LAST_NAMED_FROM_RTMIN = 49;

    private static final String[] CLASSIC = {
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    };
    private static final Map<String, Integer> ALIASES = Map.of(
            "SIGIOT", 6, "SIGPOLL", 29, "SIGCLD", 17, "SIGUNUSED", 31);
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (int i = 1; i < CLASSIC.length; i++) {
            BY_NAME.put(CLASSIC[i], i);
        }
        BY_NAME.putAll(ALIASES);
    }

    private Signals() {
    }

    /** {@code SIGTERM}, {@code SIGRTMIN+1} (35), {@code SIGRTMAX-14} (50), {@code 0} for the existence probe, or the number for junk. */
    public static String name(int signal) {
        if (signal >= 0 && signal < CLASSIC.length) {
            return CLASSIC[signal];
        }
        if (signal >= KERNEL_SIGRTMIN && signal < SIGRTMIN) {
            return "SIGRT_" + (signal - KERNEL_SIGRTMIN);
        }
        if (signal == SIGRTMIN) {
            return "SIGRTMIN";
        }
        if (signal > SIGRTMIN && signal <= LAST_NAMED_FROM_RTMIN) {
            return "SIGRTMIN+" + (signal - SIGRTMIN);
        }
        if (signal > LAST_NAMED_FROM_RTMIN && signal < SIGRTMAX) {
            return "SIGRTMAX-" + (SIGRTMAX - signal);
        }
        if (signal == SIGRTMAX) {
            return "SIGRTMAX";
        }
        return Integer.toString(signal);
    }

    /**
     * Parses {@code SIGTERM}, {@code TERM}, {@code term}, {@code 15}; real-time signals in both spellings of
     * a number, from glibc's SIGRTMIN up or SIGRTMAX down ({@code SIGRTMIN+16} and {@code RTMAX-14} are both
     * 50), and strace's kernel-relative {@code SIGRT_3} (35).
     */
    public static OptionalInt parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
            try {
                int number = Integer.parseInt(key);
                return number <= SIGRTMAX ? OptionalInt.of(number) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty(); // more digits than an int holds: no signal
            }
        }
        if (!key.startsWith("SIG")) {
            key = "SIG" + key;
        }
        Integer classic = BY_NAME.get(key);
        if (classic != null) {
            return OptionalInt.of(classic);
        }
        try {
            if (key.startsWith("SIGRT_")) {
                return inRealTimeRange(KERNEL_SIGRTMIN + Integer.parseInt(key.substring(6)), KERNEL_SIGRTMIN);
            }
            if (key.startsWith("SIGRTMIN")) {
                return inRealTimeRange(SIGRTMIN + offset(key.substring(8)), SIGRTMIN);
            }
            if (key.startsWith("SIGRTMAX")) {
                return inRealTimeRange(SIGRTMAX + offset(key.substring(8)), SIGRTMIN);
            }
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static int offset(String suffix) {
        return suffix.isEmpty() ? 0 : Integer.parseInt(suffix.startsWith("+") ? suffix.substring(1) : suffix);
    }

    private static OptionalInt inRealTimeRange(int signal, int lowest) {
        return signal >= lowest && signal <= SIGRTMAX ? OptionalInt.of(signal) : OptionalInt.empty();
    }
}
