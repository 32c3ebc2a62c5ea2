package dev.tracekit.analyzer.aggregate;

/**
 * One line of syscall figures.
 *
 * @param pid     the process, or -1 when not grouped by process
 * @param comm    the process's name, or null when not grouped by process
 * @param syscall the syscall number in the recording's architecture, or -1 when not grouped by syscall
 * @param bucket  the time window's index from the recording's start ({@code --interval}), 0 without windows
 */
public record SyscallRow(int recording, int pid, ByteString comm, int syscall, long bucket, SyscallStats stats) {
}
