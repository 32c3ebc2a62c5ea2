package dev.tracekit.recorder.metrics;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * How full each BPF ring buffer was when the recorder last came to read it, by the family it carries: the bytes
 * then waiting, of the ring's size. That moment, just before the recorder drains it, is the ring's fullest of each
 * poll, and the one that tells how close it came to dropping events. The poller reports it
 * ({@link #ring}); a scrape reads the last report, never the mapped ring, which may be unmapped by then.
 */
public final class RingFill {
    private static final Family[] FAMILIES = Family.values();
    private final AtomicLongArray sizes = new AtomicLongArray(FAMILIES.length);
    private final AtomicLongArray pending = new AtomicLongArray(FAMILIES.length);

    /** The ring of a family, {@code sizeBytes} of data: what its reader reports the bytes pending to. */
    public LongConsumer ring(Family family, long sizeBytes) {
        int index = family.ordinal();
        sizes.set(index, sizeBytes);
        return bytes -> pending.lazySet(index, bytes);
    }

    /** (family, bytes pending) of each ring read, in {@link RecordingStream#FAMILIES} order. */
    void forEachPending(ObjLongConsumer<Family> each) {
        forEachRing(each, pending);
    }

    /** (family, data bytes) of each ring read. */
    void forEachSize(ObjLongConsumer<Family> each) {
        forEachRing(each, sizes);
    }

    private void forEachRing(ObjLongConsumer<Family> each, AtomicLongArray values) {
        for (Family family : RecordingStream.FAMILIES) {
            if (sizes.get(family.ordinal()) != 0) {
                each.accept(family, values.get(family.ordinal()));
            }
        }
    }
}
