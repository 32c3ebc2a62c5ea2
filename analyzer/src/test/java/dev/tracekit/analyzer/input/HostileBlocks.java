package dev.tracekit.analyzer.input;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Block contents that are small on disk and would be huge in memory, one per codec the recorder offers. */
enum HostileBlocks {
    /** 65 MiB of zeros as raw deflate: about 64 KiB. */
    DEFLATE_BOMB("deflate") {
        @Override
        byte[] data() {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try (OutputStream out = new DeflaterOutputStream(bomb, deflater)) {
                writeZeros(out, OVER_THE_CAP);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deflater.end();
            }
            return bomb.toByteArray();
        }
    },
    /** 65 MiB of zeros as zstd: a few KiB. */
    ZSTD_BOMB("zstandard") {
        @Override
        byte[] data() {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (OutputStream out = new ZstdOutputStream(bomb)) {
                writeZeros(out, OVER_THE_CAP);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bomb.toByteArray();
        }
    },
    /** A snappy block whose preamble declares 1 GiB: snappy states the size up front, so it is refused before any work. */
    SNAPPY_DECLARING_1_GIB("snappy") {
        @Override
        byte[] data() {
            return ByteBuffer.allocate(9).put(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04})
                    .putInt(0).array();
        }
    };

    static final int OVER_THE_CAP = BlockCodec.MAX_DECODED_BYTES + (1 << 20);

    private final String codec;

    HostileBlocks(String codec) {
        this.codec = codec;
    }

    String codec() {
        return codec;
    }

    abstract byte[] data();

    static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }
}
