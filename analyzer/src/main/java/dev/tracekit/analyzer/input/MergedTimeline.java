package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One time order for several recordings (hosts, or rotations of one host): each recording is read in recorded
 * order on a thread of its own into a small bounded queue, and the heads are merged by wall-clock time, each
 * recording's boot clock turned into UTC by its own clock samples ({@link Recording#sampledWallNs}). Memory is a
 * queue and a reader's block buffers per recording, whatever the number of events; babeltrace2's muxer merges one
 * host's traces the same way. Ties go to the recording first in the catalog, so the output is deterministic.
 */
public final class MergedTimeline {
    private static final int QUEUED_PER_RECORDING = 1024;

    private final Catalog catalog;
    private final Diagnostics diagnostics;

    public MergedTimeline(Catalog catalog, Diagnostics diagnostics) {
        this.catalog = catalog;
        this.diagnostics = diagnostics;
    }

    /** One record taken off a recording's reader, copied (readers reuse theirs), with its place in time. */
    private record Entry<R extends SpecificRecord>(long wallNs, Recording recording, FamilyDescriptor<R> family,
            R record) {
        void deliver(RecordVisitor visitor) {
            visitor.record(recording, family, record);
        }
    }

    /** Marks the end of one recording's records. */
    private static final Entry<?> END = new Entry<>(Long.MAX_VALUE, null, null, null);

    /**
     * Reads one stream of the given recordings (records {@code filter} lets through) into {@code visitor} in one
     * time order.
     */
    public void read(RecordingStream stream, List<Recording> recordings, UnaryOperator<RecordVisitor> filter,
            RecordVisitor visitor) {
        List<Producer> producers = new ArrayList<>();
        try {
            for (Recording recording : recordings) {
                Producer producer = new Producer(recording, stream, filter, visitor.reads());
                producers.add(producer);
                producer.thread.start();
            }
            merge(producers, visitor);
        } finally {
            producers.forEach(Producer::stop);
        }
        for (Producer producer : producers) {
            if (producer.failure != null) {
                throw producer.failure;
            }
        }
    }

    private static void merge(List<Producer> producers, RecordVisitor visitor) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong((Head h) -> h.entry.wallNs())
                .thenComparingInt(h -> h.entry.recording().index()));
        for (Producer producer : producers) {
            Entry<?> first = producer.take();
            if (first != END) {
                heads.add(new Head(producer, first));
            }
        }
        while (!heads.isEmpty() && visitor.wantsMore()) {
            Head head = heads.poll();
            head.entry.deliver(visitor);
            Entry<?> next = head.producer.take();
            if (next != END) {
                heads.add(new Head(head.producer, next));
            }
        }
    }

    private record Head(Producer producer, Entry<?> entry) {
    }

    /** One recording's reader on its own thread, handing copies over through a bounded queue. */
    private final class Producer implements RecordVisitor {
        private final Recording recording;
        private final Set<OptionalField> reads;
        private final BlockingQueue<Entry<?>> queue = new ArrayBlockingQueue<>(QUEUED_PER_RECORDING);
        private final Thread thread;
        private volatile boolean stopped;
        private RuntimeException failure;

        Producer(Recording recording, RecordingStream stream, UnaryOperator<RecordVisitor> filter,
                Set<OptionalField> reads) {
            this.recording = recording;
            this.reads = reads;
            RecordingReader reader = new RecordingReader(catalog.of(recording), diagnostics, 1);
            RecordVisitor filtered = filter.apply(this);
            this.thread = Thread.ofPlatform().daemon().name("tracekit-merge-" + recording.index()).unstarted(() -> {
                try {
                    reader.readOrdered(Set.of(stream), filtered);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    put(END);
                }
            });
        }

        @Override
        public Set<OptionalField> reads() {
            return reads;
        }

        @Override
        public boolean wantsMore() {
            return !stopped;
        }

        @Override
        public <R extends SpecificRecord> void record(Recording r, FamilyDescriptor<R> family, R record) {
            R copy = SpecificData.get().deepCopy(record.getSchema(), record);
            put(new Entry<>(recording.sampledWallNs(family.timeNs(record)), r, family, copy));
        }

        /** Waits for room, giving up once the merge has stopped (a --limit reached, a closed pipe). */
        private void put(Entry<?> entry) {
            try {
                while (!stopped && !queue.offer(entry, 50, TimeUnit.MILLISECONDS)) {
                    // the merge is busy with other recordings' records
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        Entry<?> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while merging", e);
            }
        }

        void stop() {
            stopped = true;
            queue.clear();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
