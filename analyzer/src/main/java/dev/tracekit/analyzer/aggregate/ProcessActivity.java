package dev.tracekit.analyzer.aggregate;

/** What one process did across the families: the summary's "top processes". */
public record ProcessActivity(ProcessKey process, long syscalls, long opens, long signalsSent) {
    long total() {
        return syscalls + opens + signalsSent;
    }
}
