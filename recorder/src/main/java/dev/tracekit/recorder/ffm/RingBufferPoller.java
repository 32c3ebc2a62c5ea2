package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tracekit.names.Arch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Consumes BPF ring buffers on the calling thread by reading them in place, as libbpf's ring_buffer does but
 * without its two limits: no upcall per record (the handler is called from Java on a view of the record in the
 * mapped ring), and bounded batches. libbpf 1.1's ring_buffer__poll keeps consuming while producers keep
 * producing, so a consumer slower than the kernel never returned from it and no interval closed; here each
 * call consumes for at most {@link #BATCH_NS} and returns, and the next call goes on where it stopped (rings
 * take turns being read first, so a busy one does not starve the others).
 *
 * <p>The layout is the kernel's (kernel/bpf/ringbuf.c): the consumer position on the first page, read-write;
 * the producer position on the next page, then the data, mapped twice in a row so a record that wraps around the
 * end is still contiguous. Each record starts with an 8-byte header: its length with a busy and a discard bit,
 * then 4 bytes the kernel keeps; records are 8-byte aligned. Positions are read with acquire and the consumer
 * position written with release semantics, once per batch, as libbpf does per record.
 */
public final class RingBufferPoller implements AutoCloseable {
    /** Decodes a record; the segment is only valid during the call. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(MemorySegment record) throws Exception;
    }

    /**
     * How long one call may consume: short against the recorder's 50 ms poll and its intervals (200 ms and up),
     * long against the cost of a record (a microsecond or so). The clock is read every {@link #CLOCK_EVERY}
     * records, so the bound holds within that many records' time.
     */
    static final long BATCH_NS = 20_000_000L;
    private static final int CLOCK_EVERY = 64;
    private static final int PAGE_SIZE = 4096;
    private static final int HEADER_BYTES = 8;
    private static final int BUSY_BIT = 1 << 31;
    private static final int DISCARD_BIT = 1 << 30;
    private static final VarHandle POSITION = JAVA_LONG.varHandle();
    private static final VarHandle LENGTH = JAVA_INT.varHandle();
    /** struct epoll_event: packed (12 bytes) on x86_64, naturally aligned (16) elsewhere; data follows events. */
    private static final long EPOLL_EVENT_BYTES = Arch.current() == Arch.X86_64 ? 12 : 16;
    private static final long EPOLL_DATA_OFFSET = Arch.current() == Arch.X86_64 ? 4 : 8;

    private final RecordHandler handler;
    private final Arena arena = Arena.ofConfined();
    private final List<Ring> rings = new ArrayList<>();
    private int epollFd = -1;
    /** File descriptors in the epoll set: the rings, and the fd a stop wakes the wait with. */
    private int waited;
    private MemorySegment events;
    private int first;

    public RingBufferPoller(RecordHandler handler) {
        this.handler = handler;
    }

    /** Maps a ring buffer to consume and adds it to the rings waited on. */
    public void add(RingBufferMap map) {
        add(map, pendingBytes -> {
        });
    }

    /**
     * Maps a ring buffer to consume, telling {@code pendingBytes} how many bytes wait in it each time it is read
     * (before reading: the ring's fullest of that poll).
     */
    public void add(RingBufferMap map, LongConsumer pendingBytes) {
        Ring ring = new Ring(map, pendingBytes);
        rings.add(ring);
        waitOn(map.fd(), rings.size() - 1);
    }

    /**
     * Also ends a wait when {@code fd} becomes readable (an eventfd a stop signal writes), so a stop does not wait
     * for the poll's timeout. The fd is only waited on, never read: a poll after it woke returns at once.
     */
    public void wakeOn(int fd) {
        waitOn(fd, -1);
    }

    private void waitOn(int fd, long data) {
        if (epollFd < 0) {
            epollFd = Libc.epollCreate();
        }
        MemorySegment event = arena.allocate(EPOLL_EVENT_BYTES, 4);
        event.set(JAVA_INT, 0, Libc.EPOLLIN);
        event.set(JAVA_LONG.withByteAlignment(4), EPOLL_DATA_OFFSET, data);
        Libc.epollCtl(epollFd, Libc.EPOLL_CTL_ADD, fd, event);
        waited++;
        events = arena.allocate(EPOLL_EVENT_BYTES * waited, 4);
    }

    /**
     * Waits up to {@code timeoutMs} for a wakeup, then consumes what is pending in every ring, a bounded batch
     * of each: the BPF side wakes us only when a ring fills up, so a timeout must still be followed by a read.
     *
     * @return records consumed
     */
    public int poll(int timeoutMs) throws Exception {
        if (epollFd < 0) { // nothing to consume (only syscall counts recorded) and nothing to wake on
            Thread.sleep(timeoutMs);
            return 0;
        }
        Libc.epollWait(epollFd, events, waited, timeoutMs);
        if (rings.isEmpty()) {
            return 0;
        }
        long deadlineNs = System.nanoTime() + BATCH_NS;
        int consumed = 0;
        first = (first + 1) % rings.size();
        for (int i = 0; i < rings.size(); i++) {
            consumed += rings.get((first + i) % rings.size()).consume(handler, deadlineNs);
        }
        return consumed;
    }

    /** Consumes everything pending without waiting: after the programs are stopped, nothing more comes. */
    public int drain() throws Exception {
        int consumed = 0;
        for (Ring ring : rings) {
            for (int batch; (batch = ring.consume(handler, Long.MAX_VALUE)) > 0; ) {
                consumed += batch;
            }
        }
        return consumed;
    }

    @Override
    public void close() {
        rings.forEach(Ring::unmap);
        rings.clear();
        if (epollFd >= 0) {
            Libc.close(epollFd);
            epollFd = -1;
        }
        arena.close();
    }

    /** One mapped ring. */
    private static final class Ring {
        private final MemorySegment consumerPage;
        private final MemorySegment producerAndData;
        private final MemorySegment data;
        private final long mask;
        private final LongConsumer pendingBytes;

        Ring(RingBufferMap map, LongConsumer pendingBytes) {
            this.pendingBytes = pendingBytes;
            consumerPage = Libc.mmap(PAGE_SIZE, Libc.PROT_READ | Libc.PROT_WRITE, map.fd(), 0);
            try {
                producerAndData = Libc.mmap(PAGE_SIZE + 2 * map.size(), Libc.PROT_READ, map.fd(), PAGE_SIZE);
            } catch (RuntimeException e) {
                Libc.munmap(consumerPage);
                throw e;
            }
            data = producerAndData.asSlice(PAGE_SIZE);
            mask = map.size() - 1;
        }

        /**
         * Hands committed records to the handler until none is left or {@code deadlineNs} (System.nanoTime) has
         * passed, then releases their space to the kernel.
         */
        int consume(RecordHandler handler, long deadlineNs) throws Exception {
            long consumer = (long) POSITION.getAcquire(consumerPage, 0L);
            long producer = (long) POSITION.getAcquire(producerAndData, 0L);
            pendingBytes.accept(producer - consumer);
            int handled = 0;
            try {
                while (consumer < producer) {
                    if ((handled & (CLOCK_EVERY - 1)) == CLOCK_EVERY - 1 && System.nanoTime() > deadlineNs) {
                        break;
                    }
                    long offset = consumer & mask;
                    int header = (int) LENGTH.getAcquire(data, offset);
                    if ((header & BUSY_BIT) != 0) {
                        break; // reserved, not yet submitted: the records after it wait for it
                    }
                    int length = header & ~(BUSY_BIT | DISCARD_BIT);
                    if ((header & DISCARD_BIT) == 0) {
                        handler.handle(data.asSlice(offset + HEADER_BYTES, length));
                        handled++;
                    }
                    consumer += (length + HEADER_BYTES + 7) & ~7L;
                }
            } finally {
                POSITION.setRelease(consumerPage, 0L, consumer); // what was handled is done with, even on failure
            }
            return handled;
        }

        void unmap() {
            Libc.munmap(producerAndData);
            Libc.munmap(consumerPage);
        }
    }
}
