package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written NDJSON is what Jackson's generator wrote before it: the same escapes, numbers and fields. */
class NdjsonWriterTest {
    private static final TableSpec TABLE = TableSpec.streamed("t", null, new Column("NAME", "name", ColumnKind.TEXT),
            new Column("PATH", "path", ColumnKind.BYTES), new Column("RATE", "rate", ColumnKind.RATE),
            new Column("TIME", "ts_ns", ColumnKind.TIME), new Column("ERR", "errno", ColumnKind.NAMED),
            new Column("PID", "pid", ColumnKind.NUMBER));

    private static String ndjson(TableSpec table, List<List<?>> rows) {
        StringWriter text = new StringWriter();
        NdjsonWriter json = new NdjsonWriter(new PrintWriter(text), new RenderOptions(true));
        json.begin(table);
        rows.forEach(json::row);
        json.end(List.of());
        json.finish();
        return text.toString();
    }

    /** The same row through Jackson, as NdjsonWriter wrote it before: the fields {@link Fields#json} spreads it over. */
    private static String jackson(TableSpec table, List<?> row) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            if (table.title() != null) {
                json.writeStringField("section", table.name());
            }
            for (int i = 0; i < row.size(); i++) {
                for (Fields.Field field : Fields.json(table.columns().get(i), row.get(i), new RenderOptions(true))) {
                    json.writeFieldName(field.name());
                    switch (field.value()) {
                        case null -> json.writeNull();
                        case Long l -> json.writeNumber(l);
                        case Double d -> json.writeNumber(Math.round(d * 1e4) / 1e4);
                        default -> json.writeString(field.value().toString());
                    }
                }
            }
            json.writeEndObject();
        }
        // as stdout encodes it (OutputStreamWriter, Utf8StreamWriter): a lone surrogate becomes '?'
        return new String((text + "\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void everyCharacterIsEscapedAsJacksonEscapesIt() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        List<String> texts = List.of(all.toString(), "\"quoted\" \\ back", "pair \ud83d\ude00 lone \udc00 high \ud83d",
                "\u2028\u2029\u007f", "");
        for (String text : texts) {
            List<?> row = List.of(text, text.getBytes(StandardCharsets.UTF_8), 1.5, new Timestamp(1, 2, 3),
                    new Named(2, text), 42L);
            assertEquals(jackson(TABLE, row), ndjson(TABLE, List.of(row)), "row with " + text.length() + " chars");
        }
    }

    @Test
    void numbersNullsAndRawBytesAsJacksonWritesThem() throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (double rate : new double[] {0, 0.5, 1.0 / 3, 12_345.678_91, 1e21, -2.25e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            rows.add(List.of("n", new byte[] {'/', (byte) 0xff, 'x', 0}, rate,
                    new Timestamp(-5, 1_793_606_400_000_000_007L, -9), new Named(-1, "EPERM"), Long.MIN_VALUE));
        }
        List<Object> nulls = new ArrayList<>();
        TABLE.columns().forEach(c -> nulls.add(null));
        rows.add(nulls);
        TableSpec titled = new TableSpec("sec\"tion", "A title", TABLE.columns(), false);
        StringBuilder expected = new StringBuilder();
        for (List<?> row : rows) {
            expected.append(jackson(titled, row));
        }
        assertEquals(expected.toString(), ndjson(titled, rows));
    }
}
