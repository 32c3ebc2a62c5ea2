package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.encode.RecordEncoding.BOOLEAN_FROM_U8;
import static dev.tracekit.recorder.encode.RecordEncoding.BYTES_FROM_COMM;
import static dev.tracekit.recorder.encode.RecordEncoding.BYTES_FROM_TAIL;
import static dev.tracekit.recorder.encode.RecordEncoding.ENUM_FROM_U32;
import static dev.tracekit.recorder.encode.RecordEncoding.ENUM_FROM_U8;
import static dev.tracekit.recorder.encode.RecordEncoding.INT_FROM_S32;
import static dev.tracekit.recorder.encode.RecordEncoding.INT_FROM_S64;
import static dev.tracekit.recorder.encode.RecordEncoding.INT_FROM_S64_UNFLAGGED;
import static dev.tracekit.recorder.encode.RecordEncoding.LONG_FROM_S32;
import static dev.tracekit.recorder.encode.RecordEncoding.LONG_FROM_S64;
import static dev.tracekit.recorder.encode.RecordEncoding.LONG_FROM_U32;
import static dev.tracekit.recorder.encode.RecordEncoding.OPTIONAL_BYTES_FROM_JOINED_TAILS;
import static dev.tracekit.recorder.encode.RecordEncoding.OPTIONAL_ENUM_FROM_S64_FLAG;
import static dev.tracekit.recorder.layout.TracekitStructs.TASK_COMM_LEN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.tracekit.recorder.redact.RedactedField;
import dev.tracekit.recorder.redact.Redactor;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes ring records of one family by its {@link RecordEncoding} straight from the mapped ring into Avro's binary
 * encoding: no record object, no byte[] or String per record, only the fields' bytes appended to a reused buffer.
 * The bytes are those the generated classes' encoder writes for the same values (RecordEncoderTest compares them).
 * Fields --redact hides take a slower path through the {@link Redactor}, which hashes them.
 */
public final class RecordEncoder {
    /** Redacted fields' kinds, past the plain ones. */
    private static final byte REDACTED_COMM = 20;
    private static final byte REDACTED_TAIL = 21;
    private static final byte REDACTED_UID = 22;
    private static final byte REDACTED_JOINED_TAILS = 23;
    /** A union's branches: ["null", T]. */
    private static final int NULL_BRANCH = 0;
    private static final int VALUE_BRANCH = 1;
    /** Varints are at most 10 bytes; bytes fields add their length to this. */
    private static final int MAX_FIELD_BYTES = 10;
    /** A redacted name's length (Redactor: '#' and up to 32 hex digits), with its length's varint. */
    private static final int MAX_REDACTED_BYTES = 40;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final RecordEncoding encoding;
    private final Redactor redactor;
    private final byte[] kinds;
    private final long[] offsets;
    private final int[] symbols;
    private final long[] masks;
    private final long[] presentOffsets;
    private final int fixedBytes;

    public RecordEncoder(RecordEncoding encoding, Redactor redactor) {
        this.encoding = encoding;
        this.redactor = redactor;
        kinds = encoding.kinds.clone();
        offsets = encoding.offsets;
        symbols = encoding.symbols;
        masks = encoding.masks;
        presentOffsets = encoding.presentOffsets;
        int redacted = 0;
        for (int i = 0; i < kinds.length; i++) {
            RedactedField field = encoding.redactedAs[i];
            if (field != null && redactor.fields().contains(field)) {
                kinds[i] = switch (kinds[i]) {
                    case BYTES_FROM_COMM -> REDACTED_COMM;
                    case BYTES_FROM_TAIL -> REDACTED_TAIL;
                    case LONG_FROM_U32 -> REDACTED_UID;
                    case OPTIONAL_BYTES_FROM_JOINED_TAILS -> REDACTED_JOINED_TAILS;
                    default -> throw new IllegalStateException(encoding.names[i] + " cannot be redacted");
                };
                redacted++;
            }
        }
        fixedBytes = kinds.length * MAX_FIELD_BYTES + redacted * MAX_REDACTED_BYTES;
    }

    public RecordEncoding encoding() {
        return encoding;
    }

    /**
     * Appends {@code record}'s Avro encoding to {@code out}.
     *
     * @throws IllegalStateException for a record the schema cannot hold (an enum value past its symbols)
     * @throws IndexOutOfBoundsException for a tail longer than the record
     */
    public void encode(MemorySegment record, AvroBinaryBuffer out) {
        // Every write below stays within this: the fixed fields' varints, plus the record's own bytes for its tails
        // (joined tails repeat bytes, and make their own room).
        out.ensure(fixedBytes + (int) record.byteSize());
        long tail = encoding.tailStart;
        long lastTail = tail;
        int lastTailLength = 0;
        for (int i = 0; i < kinds.length; i++) {
            long offset = offsets[i];
            switch (kinds[i]) {
                case LONG_FROM_S64 -> out.writeLong(record.get(JAVA_LONG, offset));
                case LONG_FROM_S32 -> out.writeLong(record.get(JAVA_INT, offset));
                case LONG_FROM_U32 -> out.writeLong(Integer.toUnsignedLong(record.get(JAVA_INT, offset)));
                case INT_FROM_S64 -> out.writeInt((int) record.get(JAVA_LONG, offset));
                case INT_FROM_S32 -> out.writeInt(record.get(JAVA_INT, offset));
                case ENUM_FROM_U8 -> out.writeInt(symbol(i, Byte.toUnsignedInt(record.get(JAVA_BYTE, offset))));
                case ENUM_FROM_U32 -> out.writeInt(symbol(i, record.get(JAVA_INT, offset)));
                case BOOLEAN_FROM_U8 -> out.writeBoolean(record.get(JAVA_BYTE, offset) != 0);
                case BYTES_FROM_COMM -> out.writeBytes(record, offset, commLength(record, offset));
                case BYTES_FROM_TAIL -> {
                    int length = Short.toUnsignedInt(record.get(JAVA_SHORT, offset));
                    out.writeBytes(record, tail, length);
                    lastTail = tail;
                    lastTailLength = length;
                    tail += length;
                }
                case INT_FROM_S64_UNFLAGGED -> {
                    long value = record.get(JAVA_LONG, offset);
                    out.writeInt((int) (flagged(value, i) ? value & ~masks[i] : value));
                }
                case OPTIONAL_ENUM_FROM_S64_FLAG -> {
                    if (flagged(record.get(JAVA_LONG, offset), i)) {
                        out.writeInt(VALUE_BRANCH);
                        out.writeInt(0);
                    } else {
                        out.writeInt(NULL_BRANCH);
                    }
                }
                case OPTIONAL_BYTES_FROM_JOINED_TAILS, REDACTED_JOINED_TAILS -> {
                    if (present(record, i)) {
                        int length = Short.toUnsignedInt(record.get(JAVA_SHORT, offset));
                        out.writeInt(VALUE_BRANCH);
                        if (kinds[i] == REDACTED_JOINED_TAILS) {
                            out.writeBytes(redactor.path(joined(record, tail, length, lastTail, lastTailLength)));
                        } else {
                            out.writeJoinedBytes(record, tail, length, lastTail, lastTailLength);
                        }
                        tail += length;
                    } else {
                        out.writeInt(NULL_BRANCH);
                    }
                }
                case REDACTED_COMM -> out.writeBytes(redactor.comm(copy(record, offset, commLength(record, offset))));
                case REDACTED_TAIL -> {
                    int length = Short.toUnsignedInt(record.get(JAVA_SHORT, offset));
                    out.writeBytes(redactor.path(copy(record, tail, length)));
                    lastTail = tail;
                    lastTailLength = length;
                    tail += length;
                }
                case REDACTED_UID -> out.writeLong(redactor.uid(Integer.toUnsignedLong(record.get(JAVA_INT, offset))));
                default -> throw new IllegalStateException("field kind " + kinds[i]);
            }
        }
    }

    /** Whether a non-negative value has the field's flag bit set (a negative id is no syscall's, flags aside). */
    private boolean flagged(long value, int field) {
        return value >= 0 && (value & masks[field]) != 0;
    }

    /** Whether a joined tail's u8 field holds one of the values it is sent for. */
    private boolean present(MemorySegment record, int field) {
        int value = Byte.toUnsignedInt(record.get(JAVA_BYTE, presentOffsets[field]));
        return value < Long.SIZE && (masks[field] & (1L << value)) != 0;
    }

    private static ByteBuffer joined(MemorySegment record, long first, int firstLength, long second,
            int secondLength) {
        byte[] bytes = new byte[firstLength + secondLength];
        MemorySegment.copy(record, JAVA_BYTE, first, bytes, 0, firstLength);
        MemorySegment.copy(record, JAVA_BYTE, second, bytes, firstLength, secondLength);
        return ByteBuffer.wrap(bytes);
    }

    private int symbol(int field, int value) {
        if (value < 0 || value >= symbols[field]) {
            throw new IllegalStateException(encoding.stream().prefix() + " record with " + encoding.names[field] + " "
                    + Integer.toUnsignedString(value) + ", past the schema's " + symbols[field] + " symbols");
        }
        return value;
    }

    /**
     * The bytes before the first NUL of a 16-byte task name. Two word reads and the classic zero-byte test instead of
     * a loop of byte reads: the lowest flagged byte is always a true zero (borrows only run upwards).
     */
    static int commLength(MemorySegment record, long offset) {
        if (!LITTLE_ENDIAN) {
            int length = 0;
            while (length < TASK_COMM_LEN && record.get(JAVA_BYTE, offset + length) != 0) {
                length++;
            }
            return length;
        }
        int low = zeroByte(record.get(JAVA_LONG_UNALIGNED, offset));
        return low < Long.BYTES ? low : Long.BYTES + zeroByte(record.get(JAVA_LONG_UNALIGNED, offset + Long.BYTES));
    }

    /** Index of the lowest zero byte of a little-endian word, 8 if none. */
    private static int zeroByte(long word) {
        long flags = (word - ONES) & ~word & HIGHS;
        return flags == 0 ? Long.BYTES : Long.numberOfTrailingZeros(flags) >>> 3;
    }

    private static ByteBuffer copy(MemorySegment record, long offset, int length) {
        return ByteBuffer.wrap(record.asSlice(offset, length).toArray(JAVA_BYTE));
    }
}
