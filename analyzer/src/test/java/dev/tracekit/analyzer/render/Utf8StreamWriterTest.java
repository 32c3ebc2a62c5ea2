package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast stdout writer puts out the bytes {@code OutputStreamWriter} would, however the text is split. */
class Utf8StreamWriterTest {
    private static final String PAIR = "\ud83d\ude00"; // U+1F600, two chars

    @Test
    void writesWhatOutputStreamWriterWrites() throws IOException {
        List<String> pieces = List.of("plain ascii\n", "caf\u00e9 \u202e ", "x" + PAIR.charAt(0), PAIR.charAt(1) + "y",
                "lone \udc00 low", "z".repeat(70_000), "end " + PAIR.charAt(0));
        assertArrayEquals(written(new OutputStreamWriterFactory(), pieces), written(new FastFactory(), pieces));
    }

    @Test
    void charArraysAndSingleCharsEncodeAlike() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new Utf8StreamWriter(bytes, 16)) {
            char[] text = ("\u00e9" + PAIR + "abc").toCharArray();
            w.write(text, 0, 2);
            w.write(text, 2, text.length - 2);
            w.write('!');
        }
        assertArrayEquals(("\u00e9" + PAIR + "abc!").getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    private interface WriterFactory {
        Writer over(ByteArrayOutputStream bytes);
    }

    private record OutputStreamWriterFactory() implements WriterFactory {
        public Writer over(ByteArrayOutputStream bytes) {
            return new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        }
    }

    private record FastFactory() implements WriterFactory {
        public Writer over(ByteArrayOutputStream bytes) {
            return new Utf8StreamWriter(bytes, 1 << 16);
        }
    }

    private static byte[] written(WriterFactory factory, List<String> pieces) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = factory.over(bytes)) {
            for (String piece : pieces) {
                w.write(piece);
            }
        }
        return bytes.toByteArray();
    }
}
