package dev.tracekit.analyzer.input;

/**
 * One container block as stored: still compressed, framing checked (size and sync marker).
 *
 * @param offset byte offset of the block's start in its file, for warnings
 * @param data   the block's bytes in its first {@code length} bytes: a reused array may be longer
 */
record RawBlock(long offset, long count, byte[] data, int length) {
}
