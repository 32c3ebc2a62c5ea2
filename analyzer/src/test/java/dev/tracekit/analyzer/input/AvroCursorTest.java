package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroCursorTest {
    /** Values of every varint length, 1 to 10 bytes, encoded by Avro's own encoder. */
    private static long[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            values[i] = random.nextBoolean() ? v : -v;
        }
        return values;
    }

    private static byte[] encode(long[] values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        for (long v : values) {
            encoder.writeLong(v);
        }
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void skippingAnyRunOfVarintsLandsOnTheNextValue() throws Exception {
        long[] values = values(2_000, 7);
        byte[] bytes = encode(values);
        for (int skip = 1; skip <= 12; skip++) {
            AvroCursor in = new AvroCursor(bytes, bytes.length);
            int i = 0;
            while (i + skip < values.length) {
                in.skipLongs(skip);
                i += skip;
                assertEquals(values[i], in.readLong(), "value " + i + " after skipping " + skip);
                i++;
            }
        }
    }

    @Test
    void skippingNearTheEndOfTheBlockStaysInsideIt() throws Exception {
        long[] values = {1, 300, -70_000, Long.MIN_VALUE, 5};
        byte[] bytes = encode(values);
        AvroCursor in = new AvroCursor(bytes, bytes.length);
        in.skipLongs(4);
        assertEquals(5, in.readLong());
        assertTrue(in.atEnd());
        AvroCursor past = new AvroCursor(bytes, bytes.length);
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> past.skipLongs(6));
        assertEquals("record runs past the end of its block", e.getMessage());
    }
}
