package dev.tracekit.analyzer.aggregate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process name packed into two longs, so the hot syscall table hashes and compares it in two words instead of
 * hashing and comparing its bytes for every event. The kernel keeps at most 15 bytes of a comm: those bytes go
 * into {@link #low()} (0..7) and {@link #high()} (8..14, with the length in the top byte). A longer name can
 * only come from a forged file; it is interned and packed as its number, flagged by the sign bit.
 */
final class PackedComm {
    private static final int PACKED_BYTES = 15;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long INTERNED = Long.MIN_VALUE;

    private final Map<ByteString, Integer> longNameIds = new HashMap<>();
    private final List<ByteString> longNames = new ArrayList<>();
    private long low;
    private long high;

    /** Packs the buffer's remaining bytes (without moving its position); read the result with low() and high(). */
    void pack(ByteBuffer comm) {
        int length = comm.remaining();
        if (length > PACKED_BYTES) {
            packInterned(comm);
            return;
        }
        byte[] array = comm.array();
        int from = comm.arrayOffset() + comm.position();
        if (array.length - from >= 16) {
            // Two unaligned loads, then mask off whatever follows the name in the block.
            long first = (long) LONGS.get(array, from);
            long second = (long) LONGS.get(array, from + 8);
            low = length >= 8 ? first : first & ~(-1L << (length << 3));
            high = length <= 8 ? 0 : second & ~(-1L << ((length - 8) << 3));
        } else {
            low = 0;
            high = 0;
            for (int i = 0; i < length; i++) {
                long b = (array[from + i] & 0xffL) << ((i & 7) << 3);
                if (i < 8) {
                    low |= b;
                } else {
                    high |= b;
                }
            }
        }
        high |= (long) length << 56;
    }

    private void packInterned(ByteBuffer comm) {
        int id = longNameIds.computeIfAbsent(ByteString.copyOf(comm), name -> {
            longNames.add(name);
            return longNames.size() - 1;
        });
        low = 0;
        high = INTERNED | id;
    }

    long low() {
        return low;
    }

    long high() {
        return high;
    }

    /** The name that {@code (low, high)}, packed by this instance, stands for. */
    ByteString unpack(long low, long high) {
        if ((high & INTERNED) != 0) {
            return longNames.get((int) high);
        }
        int length = (int) (high >>> 56);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((i < 8 ? low : high) >>> ((i & 7) << 3));
        }
        return ByteString.of(bytes);
    }
}
