package dev.tracekit.names;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** Linux errno names; x86_64 and aarch64 share asm-generic/errno.h. */
public final class Errnos {
    private static final NumberedNames NAMES = NumberedNames.load("errno.tsv");
    /** Names libc and the kernel headers give as aliases of another errno. */
    private static final Map<String, String> ALIASES = Map.of(
            "EWOULDBLOCK", "EAGAIN",
            "EDEADLOCK", "EDEADLK",
            "ENOTSUP", "EOPNOTSUPP");

    private Errnos() {
    }

    /** The errno's name ({@code ENOENT}), or its number as text for one the table does not know. */
    public static String name(int errno) {
        String name = NAMES.name(errno);
        return name != null ? name : Integer.toString(errno);
    }

    /** Parses {@code ENOENT}, {@code enoent} or {@code 2}. */
    public static OptionalInt parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
            try {
                return OptionalInt.of(Integer.parseInt(key));
            } catch (NumberFormatException e) {
                return OptionalInt.empty(); // more digits than an int holds: no errno
            }
        }
        Integer number = NAMES.number(ALIASES.getOrDefault(key, key));
        return number == null ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /**
     * The errno a syscall return value carries: the kernel returns -4095..-1 for errors.
     *
     * @return the errno, or 0 when the value is not an error
     */
    public static int ofReturnValue(long ret) {
        return ret < 0 && ret >= -4095 ? (int) -ret : 0;
    }
}
