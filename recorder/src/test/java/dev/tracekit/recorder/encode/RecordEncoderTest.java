package dev.tracekit.recorder.encode;

import static dev.tracekit.recorder.layout.TracekitStructs.EVENT_HEADER;
import static dev.tracekit.recorder.layout.TracekitStructs.KILL_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.OPEN_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_EVENT;
import static dev.tracekit.recorder.layout.TracekitStructs.SYSCALL_IA32;
import static dev.tracekit.recorder.layout.TracekitStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recorder.redact.RedactedField;
import dev.tracekit.recorder.redact.Redactor;
import dev.tracekit.schema.FullPathStatus;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.KillSyscall;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.OpenSyscall;
import dev.tracekit.schema.SyscallEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The direct encoding writes the bytes the recorder wrote before it (decode into the generated record, redact,
 * let the generated class encode itself), for random ring records of every encoded family, redacted and not.
 */
class RecordEncoderTest {
    private static final int RECORDS = 2_000;
    private static final long COMM = offset(EVENT_HEADER, "comm");
    private static final Redactor ALL = Redactor.of(EnumSet.allOf(RedactedField.class), new byte[32]);

    @Test
    void opensEncodeAsTheirRecordsDid() throws IOException {
        OpenEventDecoder decoder = new OpenEventDecoder();
        for (Redactor redactor : new Redactor[] {Redactor.NONE, ALL}) {
            sameBytes(RecordEncoding.OPENS, OPEN_EVENT, redactor, (record, random) -> {
                record.set(JAVA_BYTE, offset(OPEN_EVENT, "syscall"), (byte) random.nextInt(OpenSyscall.values().length));
                record.set(JAVA_BYTE, offset(OPEN_EVENT, "path_truncated"), (byte) random.nextInt(2));
                // every status, the kernel's and the two it never sends; a directory after the path for any of them
                record.set(JAVA_BYTE, offset(OPEN_EVENT, "full_path_status"),
                        (byte) random.nextInt(FullPathStatus.values().length));
                int tail = (int) (record.byteSize() - OPEN_EVENT.byteSize());
                int pathLength = random.nextInt(tail + 1);
                record.set(JAVA_SHORT, offset(OPEN_EVENT, "path_len"), (short) pathLength);
                record.set(JAVA_SHORT, offset(OPEN_EVENT, "dir_len"), (short) random.nextInt(tail - pathLength + 1));
            }, record -> {
                OpenEvent open = decoder.decode(record);
                redactor.redact(open);
                return open;
            });
        }
    }

    @Test
    void killsEncodeAsTheirRecordsDid() throws IOException {
        KillEventDecoder decoder = new KillEventDecoder();
        for (Redactor redactor : new Redactor[] {Redactor.NONE, ALL}) {
            sameBytes(RecordEncoding.KILLS, KILL_EVENT, redactor, (record, random) -> record.set(JAVA_INT,
                    offset(KILL_EVENT, "syscall"), random.nextInt(KillSyscall.values().length)), record -> {
                        KillEvent kill = decoder.decode(record);
                        redactor.redact(kill.getHeader());
                        return kill;
                    });
        }
    }

    @Test
    void syscallEventsEncodeAsTheirRecordsDid() throws IOException {
        SyscallEventDecoder decoder = new SyscallEventDecoder();
        for (Redactor redactor : new Redactor[] {Redactor.NONE, ALL}) {
            sameBytes(RecordEncoding.SYSCALL_EVENTS, SYSCALL_EVENT, redactor, (record, random) -> {
                long number = random.nextInt(1024);
                long id = switch (random.nextInt(4)) {
                    case 0 -> number | Integer.toUnsignedLong(SYSCALL_IA32); // an ia32 call
                    case 1 -> number;
                    default -> record.get(JAVA_LONG, offset(SYSCALL_EVENT, "id")); // noise, negative half the time
                };
                record.set(JAVA_LONG, offset(SYSCALL_EVENT, "id"), id);
            }, record -> {
                SyscallEvent event = decoder.decode(record);
                redactor.redact(event.getHeader());
                return event;
            });
        }
    }

    @Test
    void anEnumValuePastTheSchemasSymbolsIsAnErrorNamingIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment record = arena.allocate(KILL_EVENT);
            record.set(JAVA_INT, offset(KILL_EVENT, "syscall"), KillSyscall.values().length);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new RecordEncoder(RecordEncoding.KILLS, Redactor.NONE).encode(record, new AvroBinaryBuffer(16)));
            assertTrue(e.getMessage().contains("kills record with syscall " + KillSyscall.values().length), e.getMessage());
        }
    }

    @Test
    void aPathLongerThanItsRecordIsRefused() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment record = arena.allocate(OPEN_EVENT.byteSize() + 4);
            record.set(JAVA_SHORT, offset(OPEN_EVENT, "path_len"), (short) 5);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> new RecordEncoder(RecordEncoding.OPENS, Redactor.NONE).encode(record, new AvroBinaryBuffer(16)));
        }
    }

    @Test
    void aTaskNameEndsAtItsFirstNulOrAfterSixteenBytes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment comm = arena.allocate(16);
            for (int length = 0; length <= 16; length++) {
                comm.fill((byte) 0x81); // high bits set: the zero test must not take them for NULs
                if (length < 16) {
                    comm.set(JAVA_BYTE, length, (byte) 0);
                }
                if (length < 15) {
                    comm.set(JAVA_BYTE, length + 1, (byte) 1); // a 0x01 after the NUL: the borrow case
                }
                assertEquals(length, RecordEncoder.commLength(comm, 0));
            }
        }
    }

    @Test
    void everyDescriptorListsItsSchemasFieldsInOrder() {
        for (RecordEncoding encoding : new RecordEncoding[] {RecordEncoding.OPENS, RecordEncoding.KILLS,
                RecordEncoding.SYSCALL_EVENTS}) {
            assertEquals(AvroFields.flatten(encoding.stream().schema()), List.of(encoding.names));
        }
    }

    /** Fills the struct with random bytes, lets {@code fix} make it a valid record, compares both encodings. */
    private static void sameBytes(RecordEncoding encoding, StructLayout layout, Redactor redactor,
            BiConsumer<MemorySegment, Random> fix, Function<MemorySegment, SpecificRecord> reference)
            throws IOException {
        Random random = new Random(13);
        RecordEncoder encoder = new RecordEncoder(encoding, redactor);
        AvroBinaryBuffer buffer = new AvroBinaryBuffer(16); // small: growing is tested too
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < RECORDS; i++) {
                int tail = i % 3 == 0 ? 0 : random.nextInt(300);
                MemorySegment record = arena.allocate(layout.byteSize() + tail, 8);
                byte[] noise = new byte[(int) record.byteSize()];
                random.nextBytes(noise);
                MemorySegment.copy(noise, 0, record, JAVA_BYTE, 0, noise.length);
                int commLength = random.nextInt(17);
                if (commLength < 16) {
                    record.set(JAVA_BYTE, COMM + commLength, (byte) 0);
                }
                fix.accept(record, random);
                buffer.clear();
                encoder.encode(record, buffer);
                ByteBuffer view = buffer.view();
                byte[] direct = new byte[view.remaining()];
                view.get(direct);
                assertArrayEquals(encode(reference.apply(record)), direct, () -> encoding + " record " + redactor.fields());
            }
        }
    }

    private static byte[] encode(SpecificRecord record) throws IOException {
        SpecificData data = new SpecificData();
        data.setCustomCoders(true); // as RecordingFileWriter wrote records
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema(), data).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }
}
