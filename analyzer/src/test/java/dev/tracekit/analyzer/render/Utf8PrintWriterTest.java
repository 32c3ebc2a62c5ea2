package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Rows the writers hand over as bytes come out of stdout as the same bytes the text path gives (tests and files
 * take that one), in order with the text written around them.
 */
class Utf8PrintWriterTest {
    private static final TableSpec TABLE = TableSpec.streamed("t", null, new Column("!", "lost", ColumnKind.LOSS_MARKER, 1),
            new Column("TIME", "ts_ns", ColumnKind.TIME, 27), new Column("PID", "pid", ColumnKind.NUMBER, 7),
            new Column("COMM", "comm", ColumnKind.BYTES, 16), new Column("ERR", "errno", ColumnKind.NAMED, 7),
            new Column("N", "n", ColumnKind.COUNT, 5), new Column("PATH", "path", ColumnKind.BYTES));
    private static final List<List<?>> ROWS = List.of(
            List.of(0L, new Timestamp(1, 1_793_606_400_123_456_789L, 1), 42L, bytes("plain"), new Named(0, "0"), 1_234L,
                    bytes("/etc/passwd")),
            List.of(3L, new Timestamp(2, 1_793_606_401_000_000_000L, 2), -1L, bytes("\u00e9t\u00e9\u001b[31m"),
                    new Named(2, "ENOENT"), 7L, new byte[] {'/', (byte) 0xc3, 'x', '\\', '"', ',', ' '}),
            java.util.Arrays.asList(null, null, null, null, null, null, bytes("=cmd\u202e\ud83d\ude00")));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyFormatWritesTheBytesTheTextPathWrites() {
        List<BiFunction<PrintWriter, RenderOptions, TableWriter>> formats = List.of(TextTableWriter::new, CsvWriter::new,
                NdjsonWriter::new);
        for (BiFunction<PrintWriter, RenderOptions, TableWriter> format : formats) {
            for (RenderOptions options : List.of(new RenderOptions(false), new RenderOptions(true))) {
                ByteArrayOutputStream viaText = new ByteArrayOutputStream();
                render(format.apply(new PrintWriter(new OutputStreamWriter(viaText, StandardCharsets.UTF_8)), options));
                ByteArrayOutputStream viaBytes = new ByteArrayOutputStream();
                render(format.apply(new Utf8PrintWriter(viaBytes, 64), options));
                assertArrayEquals(viaText.toByteArray(), viaBytes.toByteArray());
            }
        }
    }

    private static void render(TableWriter writer) {
        writer.begin(TABLE);
        ROWS.forEach(writer::row);
        writer.end(List.of("a note"));
        writer.finish();
    }

    @Test
    void aHighSurrogateLeftByTextIsReplacedBeforeBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8PrintWriter writer = new Utf8PrintWriter(out, 16);
        writer.write("a\ud83d");
        writer.writeUtf8(new byte[] {'b', 'c'}, 0, 2);
        writer.flush();
        assertArrayEquals(bytes("a?bc"), out.toByteArray());
    }

    @Test
    void aFailedWriteIsReportedAsForText() {
        Utf8PrintWriter writer = new Utf8PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, 4);
        assertFalse(writer.checkError());
        writer.writeUtf8(new byte[] {'1', '2', '3', '4', '5', '6'}, 0, 6);
        assertTrue(writer.checkError());
    }
}
