package dev.tracekit.analyzer.input;

/**
 * Fields of the per-event records that not every visitor reads. Decoders skip the ones the visitor does not
 * read, leaving them zero, so an aggregation that needs a handful of fields does not pay to decode the other
 * dozen: skipping a run of varints takes a word at a time, decoding takes a byte at a time.
 */
public enum OptionalField {
    /** The header's tid, uid and gid. */
    THREAD_AND_USER,
    /** The header's cgroup_id and cpu. */
    CGROUP_AND_CPU,
    /** A syscall event's arg0..arg5: a third of its bytes. */
    SYSCALL_ARGS
}
