package dev.tracekit.names;

import dev.tracekit.schema.SyscallAbi;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;

/**
 * Syscall numbers and names of one architecture, from the kernel's syscall tables. x86_64's table also names its
 * compat (ia32) syscalls: a number with {@link #IA32} set is the ia32 table's, named {@code ia32:NAME}.
 */
public final class SyscallTable {
    /**
     * Set in a syscall number of the ia32 table (int 0x80, sysenter, a 32-bit process on x86_64), whose numbers
     * mean other syscalls than x86_64's (ia32 5 is open, x86_64 5 fstat). No table has numbers this high.
     */
    public static final int IA32 = 0x8000_0000;
    private static final String IA32_PREFIX = "ia32:";
    private static final Map<Arch, SyscallTable> TABLES = new EnumMap<>(Arch.class);

    private final Arch arch;
    private final NumberedNames names;
    private final NumberedNames ia32;

    private SyscallTable(Arch arch) {
        this.arch = arch;
        this.names = NumberedNames.load("syscalls-" + arch.unameName() + ".tsv");
        this.ia32 = arch == Arch.X86_64 ? NumberedNames.load("syscalls-ia32.tsv") : null;
    }

    /** The number a call is known by across layers: {@code number}, with {@link #IA32} set for an ia32 call. */
    public static int keyOf(int number, SyscallAbi abi) {
        return abi == SyscallAbi.IA32 ? number | IA32 : number;
    }

    public static synchronized SyscallTable of(Arch arch) {
        return TABLES.computeIfAbsent(arch, SyscallTable::new);
    }

    public Arch arch() {
        return arch;
    }

    /** The syscall's name, or {@code syscall_N} for a number the table does not know (a newer kernel). */
    public String name(int number) {
        if ((number & IA32) != 0 && ia32 != null) {
            int compat = number & ~IA32;
            String name = ia32.name(compat);
            return IA32_PREFIX + (name != null ? name : "syscall_" + compat);
        }
        String name = names.name(number);
        return name != null ? name : "syscall_" + number;
    }

    /** The number of a syscall name; accepts the {@code syscall_N} and {@code ia32:NAME} forms {@link #name} prints. */
    public OptionalInt number(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith(IA32_PREFIX) && ia32 != null) {
            OptionalInt compat = number(ia32, key.substring(IA32_PREFIX.length()));
            return compat.isPresent() ? OptionalInt.of(compat.getAsInt() | IA32) : compat;
        }
        return number(names, key);
    }

    private static OptionalInt number(NumberedNames names, String key) {
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

    /** Every known syscall of the architecture's own table, by number. */
    public NavigableMap<Integer, String> all() {
        return names.all();
    }
}
