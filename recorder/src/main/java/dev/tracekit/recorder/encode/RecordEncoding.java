package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.layout.TracekitStructs.KILL_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.OPEN_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_IA32;

import dev.tracekit.recorder.redact.RedactedField;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.SyscallAbi;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;

/**
 * One family's contract between its C struct and its Avro record, in one place: the Avro fields in schema order,
 * each with the C field it is read from. How a field is encoded follows from the two sides (the Avro type from the
 * stream's schema, the width from the struct's layout), so adding a field to a family is one line here. Building
 * checks the list against the schema, field by field, and fails at class initialisation if they disagree, so a
 * field added to the schema and not here (or the reverse) cannot go unnoticed (RecordEncoderTest).
 *
 * <p>{@link RecordEncoder} encodes a ring record by such a descriptor straight into Avro's binary encoding.
 */
public final class RecordEncoding {
    /** How a field is read and written; ints so the encoder's loop is one table switch. */
    static final byte LONG_FROM_S64 = 0;
    static final byte LONG_FROM_S32 = 1;
    static final byte LONG_FROM_U32 = 2;
    static final byte INT_FROM_S64 = 3;
    static final byte INT_FROM_S32 = 4;
    static final byte ENUM_FROM_U8 = 5;
    static final byte ENUM_FROM_U32 = 6;
    static final byte BOOLEAN_FROM_U8 = 7;
    /** A NUL-terminated char[16] (a kernel task name). */
    static final byte BYTES_FROM_COMM = 8;
    /** Variable-length bytes after the fixed struct, their length in a u16 field; tails follow each other in order. */
    static final byte BYTES_FROM_TAIL = 9;
    /** An int from an s64 with a flag bit cleared when set in a non-negative value (a syscall id's table flag). */
    static final byte INT_FROM_S64_UNFLAGGED = 10;
    /** ["null", enum] from the same flag: the enum's first symbol when it is set, null when not. */
    static final byte OPTIONAL_ENUM_FROM_S64_FLAG = 11;
    /**
     * ["null", "bytes"]: the next tail (its length in a u16 field) joined before the tail written last (a directory
     * before the path looked up in it), present when a u8 field's value is one of a set, null otherwise.
     */
    static final byte OPTIONAL_BYTES_FROM_JOINED_TAILS = 12;

    /** struct event_header's fields, in EventHeader.avsc's order; every family starts with it as {@code hdr}. */
    private static final List<String[]> HEADER = List.of(
            new String[] {"header.ts_ns", "hdr.ts_ns"},
            new String[] {"header.pid", "hdr.pid"},
            new String[] {"header.tid", "hdr.tid"},
            new String[] {"header.uid", "hdr.uid"},
            new String[] {"header.gid", "hdr.gid"},
            new String[] {"header.comm", "hdr.comm"},
            new String[] {"header.cgroup_id", "hdr.cgroup_id"},
            new String[] {"header.cpu", "hdr.cpu"});

    public static final RecordEncoding OPENS = new Builder(RecordingStream.OPENS, OPEN_EVENT).header()
            .field("syscall", "syscall")
            .field("dirfd", "dirfd")
            .tail("path", "path_len", RedactedField.PATHS)
            .field("path_truncated", "path_truncated")
            .field("flags", "flags")
            .field("mode", "mode")
            .field("resolve", "resolve")
            .field("result", "result")
            // absolute (the path is the full path), failed or empty: the kernel sent no directory
            .joinedTail("full_path", "dir_len", "full_path_status", RedactedField.PATHS,
                    FullPathStatus.RESOLVED, FullPathStatus.TOO_DEEP, FullPathStatus.TOO_LONG)
            .field("full_path_status", "full_path_status")
            .build();

    public static final RecordEncoding KILLS = new Builder(RecordingStream.KILLS, KILL_EVENT).header()
            .field("syscall", "syscall")
            .field("target_pid", "target_pid")
            .field("target_tid", "target_tid")
            .field("signal", "signal")
            .field("result", "result")
            .build();

    public static final RecordEncoding SYSCALL_EVENTS = new Builder(RecordingStream.SYSCALL_EVENTS, SYSCALL_EVENT)
            .header()
            .unflagged("syscall", "id", SYSCALL_IA32)
            .field("arg0", "args[0]")
            .field("arg1", "args[1]")
            .field("arg2", "args[2]")
            .field("arg3", "args[3]")
            .field("arg4", "args[4]")
            .field("arg5", "args[5]")
            .field("ret", "ret")
            .field("duration_ns", "duration_ns")
            .flag("abi", "id", SYSCALL_IA32, SyscallAbi.IA32)
            .build();

    final RecordingStream stream;
    final String[] names;
    final String[] cFields;
    final byte[] kinds;
    final long[] offsets;
    /** Enum fields: how many symbols the schema has; 0 for the others. */
    final int[] symbols;
    /** A flag field's bit, or a joined tail's set of values (bit v for value v); 0 for the others. */
    final long[] masks;
    /** A joined tail's u8 field that says whether it is present; -1 for the others. */
    final long[] presentOffsets;
    /** What --redact names each field by, or null. */
    final RedactedField[] redactedAs;
    /** Where the first tail starts: the fixed struct's size. */
    final long tailStart;

    private RecordEncoding(Builder b) {
        stream = b.stream;
        int n = b.names.size();
        names = b.names.toArray(String[]::new);
        cFields = b.cFields.toArray(String[]::new);
        kinds = new byte[n];
        offsets = new long[n];
        symbols = new int[n];
        redactedAs = b.redactedAs.toArray(RedactedField[]::new);
        masks = b.masks.stream().mapToLong(Long::longValue).toArray();
        presentOffsets = new long[n];
        tailStart = b.layout.byteSize();
        List<String> avro = AvroFields.flatten(stream.schema());
        if (!avro.equals(b.names)) {
            throw new IllegalStateException(stream.prefix() + ": the encoding lists " + b.names
                    + " but the schema has " + avro);
        }
        for (int i = 0; i < n; i++) {
            Schema type = AvroFields.type(stream.schema(), names[i]);
            offsets[i] = offset(b.layout, cFields[i]); // for a tail, its length field's
            ValueLayout c = (ValueLayout) select(b.layout, cFields[i]);
            kinds[i] = switch (b.specials.get(i)) {
                case PLAIN -> kind(type, c, b.tails.get(i), b.unsigned.get(i), cFields[i]);
                case UNFLAGGED -> special(type.getType() == Schema.Type.INT && c.byteSize() == 8,
                        INT_FROM_S64_UNFLAGGED, type, c, cFields[i]);
                case FLAG -> special(c.byteSize() == 8 && optional(type, Schema.Type.ENUM)
                        && optionalType(type).getEnumSymbols().get(0).equals(b.flagSymbols.get(i)),
                        OPTIONAL_ENUM_FROM_S64_FLAG, type, c, cFields[i]);
                case JOINED_TAIL -> special(c.byteSize() == 2 && optional(type, Schema.Type.BYTES)
                        && select(b.layout, b.presentFields.get(i)).byteSize() == 1,
                        OPTIONAL_BYTES_FROM_JOINED_TAILS, type, c, cFields[i]);
            };
            presentOffsets[i] = b.presentFields.get(i) == null ? -1 : offset(b.layout, b.presentFields.get(i));
            symbols[i] = type.getType() == Schema.Type.ENUM ? type.getEnumSymbols().size() : 0;
        }
    }

    /** The byte offset in the struct of a C field, e.g. {@code hdr.pid} or {@code args[2]}. */
    public long offset(String cField) {
        for (int i = 0; i < cFields.length; i++) {
            if (cFields[i].equals(cField)) {
                return offsets[i];
            }
        }
        throw new IllegalArgumentException(stream.prefix() + " has no C field " + cField);
    }

    public RecordingStream stream() {
        return stream;
    }

    private byte kind(Schema type, ValueLayout c, boolean tail, boolean unsigned, String cField) {
        long width = c.byteSize();
        byte kind = switch (type.getType()) {
            case LONG -> width == 8 ? LONG_FROM_S64 : width == 4 ? (unsigned ? LONG_FROM_U32 : LONG_FROM_S32) : -1;
            case INT -> width == 8 ? INT_FROM_S64 : width == 4 ? INT_FROM_S32 : -1;
            case ENUM -> width == 1 ? ENUM_FROM_U8 : width == 4 ? ENUM_FROM_U32 : -1;
            case BOOLEAN -> width == 1 ? BOOLEAN_FROM_U8 : -1;
            case BYTES -> tail ? (width == 2 ? BYTES_FROM_TAIL : -1) : (width == 1 ? BYTES_FROM_COMM : -1);
            default -> -1;
        };
        if (kind < 0) {
            throw new IllegalStateException(stream.prefix() + ": no encoding of Avro " + type.getType() + " from C field "
                    + cField + " (" + width + " bytes)");
        }
        return kind;
    }

    /** Whether {@code type} is the union ["null", T] of an Avro optional field. */
    private static boolean optional(Schema type, Schema.Type t) {
        return type.getType() == Schema.Type.UNION && type.getTypes().size() == 2
                && type.getTypes().get(0).getType() == Schema.Type.NULL && type.getTypes().get(1).getType() == t;
    }

    private static Schema optionalType(Schema union) {
        return union.getTypes().get(1);
    }

    private byte special(boolean fits, byte kind, Schema type, ValueLayout c, String cField) {
        if (!fits) {
            throw new IllegalStateException(stream.prefix() + ": no encoding of Avro " + type + " from C field "
                    + cField + " (" + c.byteSize() + " bytes)");
        }
        return kind;
    }

    /** The layout of a C field; a char array ({@code comm}) answers with its element. */
    private static MemoryLayout select(StructLayout layout, String cField) {
        MemoryLayout selected = layout.select(path(cField, false));
        return selected instanceof SequenceLayout array ? array.elementLayout() : selected;
    }

    private static long offset(StructLayout layout, String cField) {
        return layout.byteOffset(path(cField, true));
    }

    /**
     * {@code hdr.comm} or {@code args[2]} as layout path elements; an element's layout is selected without its
     * index (the layout API allows indices only in offsets).
     */
    private static PathElement[] path(String cField, boolean indexed) {
        List<PathElement> path = new ArrayList<>();
        for (String part : cField.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                path.add(PathElement.groupElement(part));
            } else {
                path.add(PathElement.groupElement(part.substring(0, bracket)));
                long index = Long.parseLong(part.substring(bracket + 1, part.length() - 1));
                path.add(indexed ? PathElement.sequenceElement(index) : PathElement.sequenceElement());
            }
        }
        return path.toArray(PathElement[]::new);
    }

    private enum Special {
        PLAIN, UNFLAGGED, FLAG, JOINED_TAIL
    }

    private static final class Builder {
        private final RecordingStream stream;
        private final StructLayout layout;
        private final List<String> names = new ArrayList<>();
        private final List<String> cFields = new ArrayList<>();
        private final List<Boolean> tails = new ArrayList<>();
        private final List<Boolean> unsigned = new ArrayList<>();
        private final List<RedactedField> redactedAs = new ArrayList<>();
        private final List<Special> specials = new ArrayList<>();
        private final List<Long> masks = new ArrayList<>();
        private final List<String> flagSymbols = new ArrayList<>();
        private final List<String> presentFields = new ArrayList<>();

        Builder(RecordingStream stream, StructLayout layout) {
            this.stream = stream;
            this.layout = layout;
        }

        /** The common header: uid and gid are u32 in C and long in Avro; comm and uid go under --redact. */
        Builder header() {
            for (String[] field : HEADER) {
                boolean id = field[1].equals("hdr.uid") || field[1].equals("hdr.gid");
                RedactedField redacted = switch (field[1]) {
                    case "hdr.comm" -> RedactedField.COMM;
                    case "hdr.uid" -> RedactedField.UID;
                    default -> null;
                };
                add(field[0], field[1], false, id, redacted);
            }
            return this;
        }

        /** An Avro field from the C field of the same value (signed where C's type is). */
        Builder field(String avroName, String cField) {
            return add(avroName, cField, false, false, null);
        }

        /** Avro bytes from the next variable-length tail after the struct, {@code lengthField} bytes long. */
        Builder tail(String avroName, String lengthField, RedactedField redacted) {
            return add(avroName, lengthField, true, false, redacted);
        }

        /** An Avro int from an s64 C field, {@code flag} cleared where {@link #flag} reads it. */
        Builder unflagged(String avroName, String cField, int flag) {
            add(avroName, cField, false, false, null);
            return special(Special.UNFLAGGED, Integer.toUnsignedLong(flag), null, null);
        }

        /** An optional Avro enum that is {@code symbol} (its first) when a non-negative s64 has {@code flag} set. */
        Builder flag(String avroName, String cField, int flag, Enum<?> symbol) {
            add(avroName, cField, false, false, null);
            return special(Special.FLAG, Integer.toUnsignedLong(flag), symbol.name(), null);
        }

        /**
         * Optional Avro bytes: the next tail, {@code lengthField} bytes long, joined before the tail listed last,
         * present when the u8 {@code presentField} is one of {@code present} (by ordinal, as the C enum numbers them).
         */
        Builder joinedTail(String avroName, String lengthField, String presentField, RedactedField redacted,
                Enum<?>... present) {
            add(avroName, lengthField, true, false, redacted);
            long mask = 0;
            for (Enum<?> value : present) {
                mask |= 1L << value.ordinal();
            }
            return special(Special.JOINED_TAIL, mask, null, presentField);
        }

        private Builder add(String avroName, String cField, boolean tail, boolean isUnsigned, RedactedField redacted) {
            names.add(avroName);
            cFields.add(cField);
            tails.add(tail);
            unsigned.add(isUnsigned);
            redactedAs.add(redacted);
            specials.add(Special.PLAIN);
            masks.add(0L);
            flagSymbols.add(null);
            presentFields.add(null);
            return this;
        }

        /** Makes the field added last one of the kinds that read more than one C field's value. */
        private Builder special(Special special, long mask, String flagSymbol, String presentField) {
            int last = names.size() - 1;
            specials.set(last, special);
            masks.set(last, mask);
            flagSymbols.set(last, flagSymbol);
            presentFields.set(last, presentField);
            return this;
        }

        RecordEncoding build() {
            return new RecordEncoding(this);
        }
    }

    @Override
    public String toString() {
        return stream.prefix() + Arrays.toString(names);
    }
}
