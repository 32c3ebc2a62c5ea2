package dev.tracekit.names;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;

/** Syscall numbers and names of one architecture, from the kernel's syscall tables. */
public final class SyscallTable {
    private static final Map<Arch, SyscallTable> TABLES = new EnumMap<>(Arch.class);

    private final Arch arch;
    private final NumberedNames names;

    private SyscallTable(Arch arch) {
        this.arch = arch;
        this.names = NumberedNames.load("syscalls-" + arch.unameName() + ".tsv");
    }

    public static synchronized SyscallTable of(Arch arch) {
        return TABLES.computeIfAbsent(arch, SyscallTable::new);
    }

    public Arch arch() {
        return arch;
    }

    /** The syscall's name, or {@code syscall_N} for a number the table does not know (a newer kernel). */
    public String name(int number) {
        String name = names.name(number);
        return name != null ? name : "syscall_" + number;
    }

    /** The number of a syscall name; accepts the {@code syscall_N} form {@link #name} prints. */
    public OptionalInt number(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("sys_")) {
            key = key.substring(4);
        }
        Integer number = names.number(key);
        if (number != null) {
            return OptionalInt.of(number);
        }
        if (key.startsWith("syscall_")) {
            try {
                return OptionalInt.of(Integer.parseInt(key.substring("syscall_".length())));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** Every known syscall, by number. */
    public NavigableMap<Integer, String> all() {
        return names.all();
    }
}
