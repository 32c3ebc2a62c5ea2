import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The analyzer's ceiling: how fast the event blocks of a recording's Avro files can merely be zstd-decompressed,
 * with no decoding at all. Files are read into memory first (as the page cache has them for the analyzer), then
 * every block is decompressed into a reused buffer by 1..THREADS threads, each taking whole blocks.
 *
 * <p>Run by AnalyzerBench: {@code java -cp analyzer/target/tracekit-analyzer.jar bench/DecompressCeiling.java
 * RECORDING_DIR STREAM[,STREAM...] THREADS...} (streams by file prefix: syscall-events, opens). Prints one line
 * per thread count: "threads events seconds events/s".
 */
public class DecompressCeiling {
    /** One compressed block and the number of records it holds. */
    record Block(byte[] file, int offset, int length, long records) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DecompressCeiling RECORDING_DIR STREAM[,STREAM...] THREADS...");
            System.exit(2);
        }
        List<String> streams = List.of(args[1].split(","));
        List<Block> blocks = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avro")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (streams.contains(name.substring(0, name.lastIndexOf('-')))) {
                    blocks.addAll(blocks(Files.readAllBytes(file)));
                }
            }
        }
        long events = blocks.stream().mapToLong(Block::records).sum();
        for (int a = 2; a < args.length; a++) {
            int threads = Integer.parseInt(args[a]);
            decompressAll(blocks, threads); // warm-up: JIT and zstd contexts
            long start = System.nanoTime();
            decompressAll(blocks, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d %d %.3f %.0f%n", threads, events, seconds, events / seconds);
        }
    }

    /** Splits an Avro container file into its blocks (Avro 1.12 object container format). */
    static List<Block> blocks(byte[] file) throws IOException {
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(file, null);
        in.skipFixed(4); // magic "Obj\1"
        for (long entries = in.readMapStart(); entries != 0; entries = in.mapNext()) {
            for (long i = 0; i < entries; i++) {
                in.skipString();
                in.skipBytes();
            }
        }
        in.skipFixed(16); // sync marker
        List<Block> blocks = new ArrayList<>();
        while (!in.isEnd()) {
            long records = in.readLong();
            int length = (int) in.readLong();
            int offset = file.length - in.inputStream().available();
            blocks.add(new Block(file, offset, length, records));
            in.skipFixed(length + 16);
        }
        return blocks;
    }

    static void decompressAll(List<Block> blocks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                long bytes = 0;
                byte[] out = new byte[4 << 20];
                try (ZstdDecompressCtx zstd = new ZstdDecompressCtx()) {
                    for (int b = first; b < blocks.size(); b += threads) {
                        Block block = blocks.get(b);
                        bytes += zstd.decompressByteArray(out, 0, out.length, block.file, block.offset, block.length);
                    }
                }
                return bytes;
            }));
        }
        for (Future<Long> part : parts) {
            part.get();
        }
        pool.shutdown();
    }
}
