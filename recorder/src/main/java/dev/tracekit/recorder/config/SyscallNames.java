package dev.tracekit.recorder.config;

import dev.tracekit.names.SyscallTable;

/** Syscalls as the user names them: by name in this machine's table, or by number. */
public final class SyscallNames {
    private SyscallNames() {
    }

    /** @throws IllegalArgumentException for a name the table does not know */
    public static int number(SyscallTable table, String nameOrNumber) {
        String text = nameOrNumber.strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        return table.number(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown syscall '" + PrintableText.of(text) + "' on " + table.arch()));
    }
}
