package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenSyscall;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RecordingFileWriterTest {
    static final RecordingMeta META = new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION,
            "0f6d3a4e-1c2b-4a5d-9e8f-000000000001", "host-a", "6.18.0", "x86_64", 1_700_000_000_000_000_000L,
            "b00t-1d", "test", "tracekit record -o x", "{\"pids\":[1]}");

    @TempDir
    Path dir;

    private static OpenEvent open(int result) {
        return OpenEvent.newBuilder()
                .setHeader(EventHeader.newBuilder().setTsNs(5).setPid(1).setTid(1).setUid(0).setGid(0)
                        .setComm(ByteBuffer.wrap(new byte[] {'s', 'h'})).setCgroupId(1).setCpu(0).build())
                .setSyscall(OpenSyscall.OPENAT).setDirfd(-100).setPath(ByteBuffer.wrap(new byte[] {'/', (byte) 0xff}))
                .setPathTruncated(false).setFlags(0).setMode(0).setResolve(0).setResult(result).build();
    }

    @Test
    void writesHeaderFactsAndRecordsThatReadBack() throws IOException {
        try (RecordingFileWriter<OpenEvent> writer = RecordingFileWriter.create(dir, RecordingStream.OPENS, 3, META,
                CodecSpec.parse("zstd"), null)) {
            writer.append(open(3));
            writer.append(open(-2));
            writer.flush();
            assertEquals(2, writer.records());
            assertTrue(writer.bytesWritten() > 0);
        }
        Path file = dir.resolve("opens-000003.avro");
        try (DataFileReader<GenericRecord> reader = new DataFileReader<GenericRecord>(file.toFile(), new GenericDatumReader<>())) {
            assertEquals(META, RecordingMeta.readFrom(reader::getMeta));
            assertEquals("opens", new String(reader.getMeta(RecordingMeta.KEY_STREAM)));
            assertEquals("3", new String(reader.getMeta(RecordingMeta.KEY_FILE_SEQ)));
            assertEquals("zstandard", reader.getMetaString("avro.codec"));
            assertEquals(3, reader.next().get("result"));
            GenericRecord second = reader.next();
            assertEquals(-2, second.get("result"));
            assertEquals(ByteBuffer.wrap(new byte[] {'/', (byte) 0xff}), second.get("path"));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void filesAreNotWorldReadable() throws IOException {
        RecordingFileWriter.create(dir, RecordingStream.KILLS, 1, META, CodecSpec.parse("none"), null).close();
        assertEquals("rw-r-----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("kills-000001.avro"))));
    }

    @Test
    void refusesToOverwriteOrFollowAPlantedSymlink() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Files.createSymbolicLink(dir.resolve("opens-000001.avro"), victim);
        assertThrows(FileAlreadyExistsException.class, () ->
                RecordingFileWriter.create(dir, RecordingStream.OPENS, 1, META, CodecSpec.parse("none"), null));
        assertEquals("keep", Files.readString(victim));
    }

    @Test
    void headersWithoutTracekitFactsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordingMeta.readFrom(key -> null));
        assertEquals("not a tracekit recording: header has no tracekit.schema_version", e.getMessage());
    }
}
