package dev.tracekit.analyzer.render;

/**
 * How a column's values look in each format. The value types are fixed per kind, so aggregators' results
 * are turned into rows once and every renderer shows them its own way.
 */
public enum ColumnKind {
    /** {@code long}: an amount, with thousands separators in tables. */
    COUNT,
    /** {@code long}: an identifier or a raw number (pid, fd, uid), printed as is. */
    NUMBER,
    /** {@link String}: text; untrusted text is escaped in tables and CSV. */
    TEXT,
    /** {@code byte[]}: untrusted bytes (comm, path): escaped in tables and CSV, exact in JSON. */
    BYTES,
    /** {@link Timestamp}: UTC ISO-8601 or, with {@code --relative}, seconds from the recording's start. */
    TIME,
    /** {@link Named}: a raw number with its decoded name (syscall, signal, errno, flags). */
    NAMED,
    /** {@code long} nanoseconds, shown in milliseconds in tables. */
    DURATION,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@code double}: a rate per second, one decimal in tables. */
    RATE,
    /** {@code double} percent. */
    PERCENT,
    /** {@code long[]}: raw syscall arguments, {@code key0..key5} in JSON and CSV, hex in tables. */
    ARGS,
    /** {@code long}: events lost around this row; a {@code !} marker in tables when not zero. */
    LOSS_MARKER
}
