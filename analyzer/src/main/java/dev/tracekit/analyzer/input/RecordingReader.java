package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The event pass over a catalog. One thread splits files into raw blocks (cheap: it only reads framing);
 * decompressing and decoding, the expensive part, runs on a pool. Two modes:
 * <ul>
 *   <li>{@link #readUnordered}: each pool thread decodes into a visitor of its own; the caller merges them.
 *       Aggregations are order-independent, so the merged result is the same for any number of threads.</li>
 *   <li>{@link #readOrdered}: blocks are decompressed on the pool and decoded in file order on the calling
 *       thread, for replays that print events in the order they were recorded.</li>
 * </ul>
 * A file whose framing breaks is read up to its last good block, with one warning naming the byte offset; a
 * block whose content is damaged is skipped with a warning. In-flight blocks are bounded, so memory does
 * not grow with the recording.
 */
public final class RecordingReader {
    private static final int MAX_RECYCLED_BYTES = 16 << 20;

    private final Catalog catalog;
    private final Diagnostics diagnostics;
    private final int threads;

    /** @param threads decoding threads; 1 decodes on the calling thread */
    public RecordingReader(Catalog catalog, Diagnostics diagnostics, int threads) {
        this.catalog = catalog;
        this.diagnostics = diagnostics;
        this.threads = Math.max(1, threads);
    }

    /** Reads the streams with one visitor per decoding thread and returns them all, for the caller to merge. */
    public <V extends RecordVisitor> List<V> readUnordered(Set<RecordingStream> streams, Supplier<V> visitors) {
        if (threads == 1) {
            V visitor = visitors.get();
            readOrdered(streams, visitor);
            return List.of(visitor);
        }
        List<V> created = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Worker<V>> workers = ThreadLocal.withInitial(() -> {
            Worker<V> worker = new Worker<>(visitors.get());
            created.add(worker.visitor);
            return worker;
        });
        runPipeline(streams, () -> true, new ArrayDeque<>(), (recording, file, block) -> () -> {
            decodeBlock(workers.get(), recording, file, block);
            return null;
        }, (recording, file, block, result) -> {
        });
        if (created.isEmpty()) {
            created.add(visitors.get());
        }
        return List.copyOf(created);
    }

    /** Reads the streams into one visitor, each file's records in order, files in catalog order. */
    public void readOrdered(Set<RecordingStream> streams, RecordVisitor visitor) {
        Deque<byte[]> spareBlocks = new ArrayDeque<>();
        if (threads == 1) {
            Worker<RecordVisitor> worker = new Worker<>(visitor);
            catalog.forEachFile(streams, (recording, file, in) -> readFile(file, in, visitor::wantsMore, spareBlocks,
                    block -> {
                        decodeBlock(worker, recording, file, block);
                        recycle(spareBlocks, block.data());
                    }), diagnostics);
            return;
        }
        BlockDecoder decoder = new BlockDecoder(visitor.reads());
        // Blocks are decoded here, in order, from buffers decompressed on the pool; recycled once decoded.
        Deque<byte[]> spareDecoded = new ArrayDeque<>();
        runPipeline(streams, visitor::wantsMore, spareBlocks, (recording, file, block) -> {
            byte[] scratch = spareDecoded.poll();
            return () -> decompress(file, block, scratch);
        }, (recording, file, block, result) -> {
            if (result != null) {
                decode(decoder, recording, file, block, result, visitor);
                if (result.bytes() != block.data()) {
                    recycle(spareDecoded, result.bytes());
                }
            }
        });
    }

    /** One decoding thread's visitor, reusable records and decompression buffer: no garbage per block. */
    private static final class Worker<V extends RecordVisitor> {
        final V visitor;
        final BlockDecoder decoder;
        byte[] scratch;

        Worker(V visitor) {
            this.visitor = visitor;
            this.decoder = new BlockDecoder(visitor.reads());
        }
    }

    private interface TaskFactory {
        Callable<BlockCodec.Decoded> task(Recording recording, RecordingFile file, RawBlock block);
    }

    private interface ResultHandler {
        void handle(Recording recording, RecordingFile file, RawBlock block, BlockCodec.Decoded result);
    }

    private interface BlockHandler {
        void block(RawBlock block);
    }

    private record InFlight(Recording recording, RecordingFile file, RawBlock block, Future<BlockCodec.Decoded> result) {
    }

    /**
     * Submits every block to the pool, keeping at most a few per thread in flight, and handles results in order.
     * Blocks are read into the arrays of blocks already handled: with the window bounded, a handful of arrays
     * serve the whole recording, so the heap does not grow with it.
     */
    private void runPipeline(Set<RecordingStream> streams, BooleanSupplier more, Deque<byte[]> spareBlocks,
            TaskFactory tasks, ResultHandler results) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tracekit-decode");
            thread.setDaemon(true);
            return thread;
        });
        InFlightWindow inFlight = new InFlightWindow(threads * 4);
        try {
            catalog.forEachFile(streams, (recording, file, in) -> readFile(file, in, more, spareBlocks, block -> {
                inFlight.add(new InFlight(recording, file, block, pool.submit(tasks.task(recording, file, block))));
                while (inFlight.full()) {
                    finish(inFlight.poll(), results, spareBlocks);
                }
            }), diagnostics);
            while (!inFlight.isEmpty()) {
                finish(inFlight.poll(), results, spareBlocks);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Blocks submitted and not yet handled, oldest first. Honest blocks are ~1 MiB, so a few per thread keep
     * the pool busy in little memory; blocks forged up to the 64 MiB size cap meet the byte bound instead, so
     * read-ahead never holds more than about 64 MiB, however many threads decode.
     */
    private static final class InFlightWindow {
        static final long MAX_BYTES_IN_FLIGHT = 64L << 20;
        private final Deque<InFlight> blocks = new ArrayDeque<>();
        private final int maxBlocks;
        private long bytes;

        InFlightWindow(int maxBlocks) {
            this.maxBlocks = maxBlocks;
        }

        void add(InFlight block) {
            blocks.add(block);
            bytes += block.block().data().length; // the array, however much of it the block fills
        }

        boolean full() {
            return blocks.size() >= maxBlocks || bytes > MAX_BYTES_IN_FLIGHT;
        }

        boolean isEmpty() {
            return blocks.isEmpty();
        }

        InFlight poll() {
            InFlight oldest = blocks.poll();
            bytes -= oldest.block().data().length;
            return oldest;
        }
    }

    private static void finish(InFlight done, ResultHandler results, Deque<byte[]> spareBlocks) {
        BlockCodec.Decoded result;
        try {
            result = done.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // a visitor's own error (e.g. TracekitException) keeps its meaning and exit code
            }
            throw new IllegalStateException("decoding failed", e.getCause());
        }
        results.handle(done.recording(), done.file(), done.block(), result);
        recycle(spareBlocks, done.block().data());
    }

    /**
     * Keeps an array for the next block, unless it is far larger than an honest block (~1 MiB compressed, ~4 MiB
     * decompressed): a forged block's array is left to the collector rather than kept for the rest of the run.
     */
    private static void recycle(Deque<byte[]> spare, byte[] array) {
        if (array.length <= MAX_RECYCLED_BYTES) {
            spare.push(array);
        }
    }

    /** Splits one file into blocks; a break in the framing ends the file with one warning. */
    private void readFile(RecordingFile file, InputStream in, BooleanSupplier more, Deque<byte[]> spareBlocks,
            BlockHandler blocks) throws IOException {
        long records = 0;
        ContainerReader container;
        if (!more.getAsBoolean()) {
            return;
        }
        try {
            container = ContainerReader.open(in);
        } catch (CorruptInputException e) {
            diagnostics.truncated(file.displayName(), e.offset(), e.getMessage(), 0);
            return;
        }
        try {
            for (RawBlock block = container.next(spareBlocks.poll()); block != null && more.getAsBoolean();
                    block = container.next(spareBlocks.poll())) {
                blocks.block(block);
                records += block.count();
            }
        } catch (CorruptInputException e) {
            diagnostics.truncated(file.displayName(), e.offset(), e.getMessage(), records);
        }
    }

    private BlockCodec.Decoded decompress(RecordingFile file, RawBlock block, byte[] scratch) {
        try {
            return file.codec().decompress(block.data(), block.length(), scratch);
        } catch (IOException | RuntimeException e) {
            diagnostics.badBlock(file.displayName(), block.offset(), String.valueOf(e.getMessage()));
            return null;
        }
    }

    /** Decompresses into the worker's buffer (one per thread, grown to the largest block) and decodes. */
    private void decodeBlock(Worker<? extends RecordVisitor> worker, Recording recording, RecordingFile file,
            RawBlock block) {
        BlockCodec.Decoded data = decompress(file, block, worker.scratch);
        if (data != null) {
            // Keep the buffer for the next block, unless it is the block itself (the null codec) or was grown
            // for a forged block: then each thread would hold up to 64 MiB for the rest of the run.
            if (data.bytes() != block.data() && data.bytes().length <= MAX_RECYCLED_BYTES) {
                worker.scratch = data.bytes();
            }
            decode(worker.decoder, recording, file, block, data, worker.visitor);
        }
    }

    private void decode(BlockDecoder decoder, Recording recording, RecordingFile file, RawBlock block,
            BlockCodec.Decoded data, RecordVisitor visitor) {
        try {
            decoder.decode(recording, file, data, block.count(), visitor);
        } catch (CorruptInputException e) {
            diagnostics.badBlock(file.displayName(), block.offset(), e.getMessage());
        }
    }
}
