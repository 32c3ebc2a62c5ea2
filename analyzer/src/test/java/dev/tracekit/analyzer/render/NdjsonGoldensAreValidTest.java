package dev.tracekit.analyzer.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every NDJSON golden is one JSON object per line, so jq and DuckDB read what the analyzer writes. */
class NdjsonGoldensAreValidTest {
    @Test
    void everyLineIsAnObject() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> goldens;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            goldens = files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        assertFalse(goldens.isEmpty());
        for (Path golden : goldens) {
            String text = Files.readString(golden, StandardCharsets.UTF_8);
            assertTrue(text.isEmpty() || text.endsWith("\n"), golden + " ends with a newline");
            for (String line : text.lines().toList()) {
                JsonNode row = json.readTree(line);
                assertTrue(row.isObject(), golden + ": " + line);
            }
        }
    }
}
