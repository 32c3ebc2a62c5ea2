package dev.tracekit.recorder.ffm;

/**
 * A loaded BPF ring buffer map: its fd and data size (a power of two, a multiple of the page size).
 *
 * @param fd   the map's file descriptor, owned by its BPF object
 * @param size bytes of record data the ring holds
 */
public record RingBufferMap(int fd, long size) {
}
