package dev.tracekit.recorder.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Consumes one or more BPF ring buffers on the calling thread. The upcall hands each record to a
 * {@link RecordHandler} while the record is still in the ring; a handler failure stops consumption and is
 * rethrown from {@link #poll}/{@link #drain}, never across the native boundary.
 */
@SuppressWarnings("restricted") // binding native code is this class's job
public final class RingBufferPoller implements AutoCloseable {
    /** Decodes a record; the segment is only valid during the call. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(MemorySegment record) throws Exception;
    }

    private static final int EINTR = 4;

    private final Arena arena = Arena.ofShared();
    private final RecordHandler handler;
    private final MemorySegment callback;
    private MemorySegment rb = MemorySegment.NULL;
    private Exception failure;

    public RingBufferPoller(RecordHandler handler) {
        this.handler = handler;
        try {
            var sample = MethodHandles.lookup().findVirtual(RingBufferPoller.class, "sample",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, long.class));
            callback = Linker.nativeLinker().upcallStub(sample.bindTo(this),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a ring buffer map to consume. */
    public void add(int ringBufferMapFd) {
        if (rb.equals(MemorySegment.NULL)) {
            rb = Libbpf.ring_buffer__new(ringBufferMapFd, callback, MemorySegment.NULL);
        } else {
            Libbpf.ring_buffer__add(rb, ringBufferMapFd, callback, MemorySegment.NULL);
        }
    }

    /**
     * Waits up to {@code timeoutMs} for a wakeup, then consumes everything pending in every ring: the BPF
     * side wakes us only when a ring fills up, so a timeout must still be followed by a full read.
     *
     * @return records consumed
     */
    public int poll(int timeoutMs) throws Exception {
        if (rb.equals(MemorySegment.NULL)) { // nothing to consume (only syscall counts recorded)
            Thread.sleep(timeoutMs);
            return 0;
        }
        int polled = Libbpf.ring_buffer__poll(rb, timeoutMs);
        if (polled < 0 && polled != -EINTR) {
            throw outcome(polled, "ring_buffer__poll");
        }
        return Math.max(polled, 0) + drain();
    }

    /** Consumes everything pending without waiting. */
    public int drain() throws Exception {
        if (rb.equals(MemorySegment.NULL)) {
            return 0;
        }
        int consumed = Libbpf.ring_buffer__consume(rb);
        if (consumed < 0) {
            throw outcome(consumed, "ring_buffer__consume");
        }
        return consumed;
    }

    private Exception outcome(int rc, String function) {
        if (failure != null) {
            Exception e = failure;
            failure = null;
            return e;
        }
        return new NativeCallException(function, -rc, null);
    }

    @SuppressWarnings("unused") // called from native code
    private int sample(MemorySegment ctx, MemorySegment data, long size) {
        try {
            handler.handle(data.reinterpret(size));
            return 0;
        } catch (Exception e) {
            failure = e;
            return -1;
        } catch (Throwable t) {
            failure = new IllegalStateException(t);
            return -1;
        }
    }

    @Override
    public void close() {
        if (!rb.equals(MemorySegment.NULL)) {
            Libbpf.ring_buffer__free(rb);
            rb = MemorySegment.NULL;
        }
        arena.close();
    }
}
