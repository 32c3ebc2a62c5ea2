package dev.tracekit.names;

import java.util.Locale;

/**
 * The machine architectures whose recordings tracekit decodes. Syscall numbers and open-flag bits differ
 * between them, so every decode goes through the recording's architecture, never the reader's.
 */
public enum Arch {
    X86_64("x86_64"),
    AARCH64("aarch64");

    private final String unameName;

    Arch(String unameName) {
        this.unameName = unameName;
    }

    /** The name {@code uname -m} prints, which is what recordings store. */
    public String unameName() {
        return unameName;
    }

    /**
     * Parses an architecture as {@code uname -m} or the JVM's {@code os.arch} spell it.
     *
     * @throws IllegalArgumentException for an architecture tracekit has no tables for
     */
    public static Arch parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64", "x86-64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> throw new IllegalArgumentException("unsupported architecture '" + name
                    + "' (tracekit knows x86_64 and aarch64)");
        };
    }

    /** The architecture of the running JVM. */
    public static Arch current() {
        return parse(System.getProperty("os.arch"));
    }

    @Override
    public String toString() {
        return unameName;
    }
}
