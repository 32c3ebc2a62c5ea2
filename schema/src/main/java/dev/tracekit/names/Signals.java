package dev.tracekit.names;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Linux signal names. x86_64 and aarch64 share the generic numbering; 32..64 are the kernel's real-time
 * signals, named relative to SIGRTMIN as strace does.
 */
public final class Signals {
    public static final int SIGRTMIN = 32;
    public static final int SIGRTMAX = 64;

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

    /** {@code SIGTERM}, {@code SIGRTMIN+3}, {@code 0} for the existence probe, or the number for junk. */
    public static String name(int signal) {
        if (signal >= 0 && signal < CLASSIC.length) {
            return CLASSIC[signal];
        }
        if (signal == SIGRTMIN) {
            return "SIGRTMIN";
        }
        if (signal == SIGRTMAX) {
            return "SIGRTMAX";
        }
        if (signal > SIGRTMIN && signal < SIGRTMAX) {
            return "SIGRTMIN+" + (signal - SIGRTMIN);
        }
        return Integer.toString(signal);
    }

    /** Parses {@code SIGTERM}, {@code TERM}, {@code term}, {@code 15}, {@code SIGRTMIN+2} or {@code SIGRTMAX-1}. */
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
            if (key.startsWith("SIGRTMIN")) {
                return inRealTimeRange(SIGRTMIN + offset(key.substring(8)));
            }
            if (key.startsWith("SIGRTMAX")) {
                return inRealTimeRange(SIGRTMAX + offset(key.substring(8)));
            }
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static int offset(String suffix) {
        return suffix.isEmpty() ? 0 : Integer.parseInt(suffix.startsWith("+") ? suffix.substring(1) : suffix);
    }

    private static OptionalInt inRealTimeRange(int signal) {
        return signal >= SIGRTMIN && signal <= SIGRTMAX ? OptionalInt.of(signal) : OptionalInt.empty();
    }
}
