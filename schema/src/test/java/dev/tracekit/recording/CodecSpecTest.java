package dev.tracekit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodecSpecTest {

    @Test
    void parsesCodecsAndLevels() {
        assertEquals("zstandard[1]", CodecSpec.parse(CodecSpec.DEFAULT).toString());
        assertEquals("zstandard[9]", CodecSpec.parse("zstd:9").toString());
        assertEquals("deflate-6", CodecSpec.parse("deflate").toString());
        assertEquals("snappy", CodecSpec.parse("snappy").toString());
        assertEquals("null", CodecSpec.parse("none").toString());
    }

    @Test
    void rejectsWithOneLineMessages() {
        assertEquals("unknown codec 'lz4' (use zstd[:LEVEL], deflate[:LEVEL], snappy or none)",
                assertThrows(IllegalArgumentException.class, () -> CodecSpec.parse("lz4")).getMessage());
        assertEquals("zstd level must be 1..22, got 30",
                assertThrows(IllegalArgumentException.class, () -> CodecSpec.parse("zstd:30")).getMessage());
        assertEquals("codec 'snappy:2' takes no level",
                assertThrows(IllegalArgumentException.class, () -> CodecSpec.parse("snappy:2")).getMessage());
        assertEquals("bad codec level in 'zstd:x'",
                assertThrows(IllegalArgumentException.class, () -> CodecSpec.parse("zstd:x")).getMessage());
    }
}
