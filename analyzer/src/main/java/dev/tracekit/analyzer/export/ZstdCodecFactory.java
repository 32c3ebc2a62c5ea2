package dev.tracekit.analyzer.export;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression with zstd-jni, which the analyzer already carries for Avro. parquet-java's own
 * codec factory goes through Hadoop's codec classes and a Hadoop configuration, which would put Hadoop and its
 * dependencies on the classpath for nothing. Every Parquet reader of note reads zstd pages.
 */
final class ZstdCodecFactory implements CompressionCodecFactory {
    /** zstd's default level: Parquet files are written once and read many times. */
    private static final int LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        require(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.ZSTD;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        require(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(Zstd.decompress(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                ByteBuffer compressed = input.slice(input.position(), compressedSize);
                ByteBuffer target = output.slice(output.position(), uncompressedSize);
                byte[] in = new byte[compressedSize];
                compressed.get(in);
                target.put(Zstd.decompress(in, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    private static void require(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("only zstd is configured, not " + codec);
        }
    }

    @Override
    public void release() {
    }
}
