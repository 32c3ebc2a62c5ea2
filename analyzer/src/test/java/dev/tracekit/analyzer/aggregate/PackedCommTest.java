package dev.tracekit.analyzer.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackedCommTest {
    private final PackedComm packer = new PackedComm();

    /** The name at {@code from} of a block, followed by {@code after} bytes of whatever comes next. */
    private static ByteBuffer inBlock(byte[] name, int from, int after) {
        byte[] block = new byte[from + name.length + after];
        java.util.Arrays.fill(block, (byte) 0xA5);
        System.arraycopy(name, 0, block, from, name.length);
        return ByteBuffer.wrap(block, from, name.length);
    }

    private long[] pack(ByteBuffer comm) {
        packer.pack(comm);
        return new long[] {packer.low(), packer.high()};
    }

    @Test
    void everyKernelLengthRoundTripsWhateverFollowsItInTheBlock() {
        for (int length = 0; length <= 15; length++) {
            byte[] name = new byte[length];
            for (int i = 0; i < length; i++) {
                name[i] = (byte) (0x80 | i); // high bits set: sign extension would leak into other bytes
            }
            for (int after : new int[] {0, 3, 40}) { // 0 and 3 take the byte-wise path, 40 the two-load path
                long[] packed = pack(inBlock(name, 5, after));
                assertArrayEquals(name, packer.unpack(packed[0], packed[1]).toArray(), "length " + length);
                assertArrayEquals(packed, pack(ByteBuffer.wrap(name.clone())), "same key whatever surrounds it");
            }
        }
    }

    @Test
    void namesDifferingOnlyInLengthOrTrailingZerosDiffer() {
        assertNotEquals(pack(ByteBuffer.wrap(new byte[0]))[1], pack(ByteBuffer.wrap(new byte[1]))[1]);
        long[] a = pack(ByteBuffer.wrap("bash".getBytes(StandardCharsets.UTF_8)));
        long[] b = pack(ByteBuffer.wrap("bash\0".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a[1], b[1]);
    }

    @Test
    void longerNamesFromForgedFilesAreInternedNotTruncated() {
        byte[] first = "a-name-longer-than-the-kernel-keeps".getBytes(StandardCharsets.UTF_8);
        byte[] second = "a-name-longer-than-the-kernel-keeps!".getBytes(StandardCharsets.UTF_8);
        long[] p1 = pack(inBlock(first, 2, 30));
        long[] p2 = pack(ByteBuffer.wrap(second));
        assertNotEquals(p1[1], p2[1]);
        assertArrayEquals(p1, pack(ByteBuffer.wrap(first.clone())));
        assertArrayEquals(first, packer.unpack(p1[0], p1[1]).toArray());
        assertArrayEquals(second, packer.unpack(p2[0], p2[1]).toArray());
        byte[] sixteen = "sixteen-bytes-xx".getBytes(StandardCharsets.UTF_8);
        long[] p3 = pack(ByteBuffer.wrap(sixteen));
        assertArrayEquals(sixteen, packer.unpack(p3[0], p3[1]).toArray());
    }
}
