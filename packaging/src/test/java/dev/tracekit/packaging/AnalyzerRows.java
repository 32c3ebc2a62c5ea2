package dev.tracekit.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracekit.analyzer.cli.CommandLineFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The analyzer run in this JVM as {@code tracekit VERB ... --format json}, its NDJSON rows read back as maps:
 * numbers as Long, bytes and names as String, missing values as null.
 */
final class AnalyzerRows {
    private AnalyzerRows() {
    }

    /** The rows of one successful run; fails the test with the analyzer's stderr otherwise. */
    static List<Map<String, Object>> of(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] json = Stream.concat(Stream.of(args), Stream.of("--format", "json")).toArray(String[]::new);
        int status = CommandLineFactory.execute(new PrintWriter(out), new PrintWriter(err), json);
        assertEquals(0, status, () -> String.join(" ", json) + ": " + err);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(out.toString())) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                rows.add(row(parser));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(JsonParser parser) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            row.put(name, switch (value) {
                case VALUE_NUMBER_INT -> parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                case VALUE_NULL -> null;
                default -> parser.getText();
            });
        }
        return row;
    }
}
