package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    private static String csv(List<?> row) {
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(new PrintWriter(text), new RenderOptions(false));
        csv.begin(TableSpec.of("t", null, new Column("PATH", "path", ColumnKind.BYTES),
                new Column("RET", "ret", ColumnKind.NUMBER), new Column("SIG", "signal", ColumnKind.NAMED)));
        csv.row(row);
        csv.end(List.of());
        csv.finish();
        return text.toString();
    }

    @Test
    void quotesSeparatorsAndDefusesFormulasButNotNumbers() {
        assertEquals("path,ret,signal,signal_name\r\n\"'=HYPERLINK(\"\"x\"\",1)\",-5,9,SIGKILL\r\n",
                csv(List.of("=HYPERLINK(\"x\",1)".getBytes(StandardCharsets.UTF_8), -5L, new Named(9, "SIGKILL"))));
    }

    @Test
    void escapesControlCharactersInsteadOfQuotingThem() {
        assertEquals("path,ret,signal,signal_name\r\n/tmp/a\\nb\\x1b,0,0,0\r\n",
                csv(List.of("/tmp/a\nb\u001b".getBytes(StandardCharsets.UTF_8), 0L, new Named(0, "0"))));
    }
}
