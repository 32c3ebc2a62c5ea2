package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Process names and paths are chosen by the traced processes: the fixtures hold escape sequences, a newline,
 * bell characters and bytes that are not UTF-8. None of it may reach a terminal raw, and JSON must keep it exactly.
 */
class HostileStringsTest {
    private static final String HOSTILE_OPENS = "opens @web -p 4100,4200,4300 --path-regex ^/(tmp/[^a]|srv/<)";

    @ParameterizedTest
    @ValueSource(strings = {"summary @web", "syscalls @web -P", "kills @web", "opens @web", "events @web --limit 500",
        HOSTILE_OPENS, "opens @web --top processes"})
    void tablesAndCsvCarryNoControlCharactersOrInvalidBytes(String args) {
        for (String format : List.of("table", "csv")) {
            List<String> all = new ArrayList<>(List.of(args.split(" ")));
            all.addAll(List.of("--format", format));
            CliRun run = CliRun.withFixtures(all.toArray(String[]::new));
            assertEquals(0, run.status(), run.err());
            run.out().chars().forEach(c -> assertTrue(c >= 0x20 && c != 0x7f && c != 0xfffd || c == '\n' || c == '\r',
                    format + " output holds character " + Integer.toHexString(c)));
        }
    }

    @Test
    void hostilePathsStayOnOneLineEscaped() {
        CliRun run = CliRun.withFixtures(HOSTILE_OPENS.split(" "));
        assertTrue(run.out().contains("/tmp/evil\\nname"), run.out());
        assertTrue(run.out().contains("/tmp/\\x1b]0;pwned\\x07\\x1b[2J"), run.out());
        assertTrue(run.out().contains("/tmp/\\xff\\xfe\\x80bad"), run.out());
        assertTrue(run.out().contains("\\x1b[31mred\\x1b[0m"), run.out());
    }

    @Test
    void jsonKeepsTheExactBytes() throws Exception {
        CliRun run = CliRun.withFixtures((HOSTILE_OPENS + " --format json").split(" "));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            rows.add(json.readTree(line));
        }
        JsonNode escape = rows.stream().filter(r -> r.get("path").asText().contains("pwned")).findFirst().orElseThrow();
        assertEquals("/tmp/\u001b]0;pwned\u0007\u001b[2J", escape.get("path").asText());
        assertFalse(escape.has("path_base64"), "valid UTF-8 needs no base64");
        JsonNode invalid = rows.stream().filter(r -> r.has("path_base64")).findFirst().orElseThrow();
        assertArrayEquals(new byte[] {'/', 't', 'm', 'p', '/', (byte) 0xff, (byte) 0xfe, (byte) 0x80, 'b', 'a', 'd'},
                Base64.getDecoder().decode(invalid.get("path_base64").asText()));
        JsonNode badComm = rows.stream().filter(r -> r.get("pid").asInt() == 4100).findFirst().orElseThrow();
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xfe, 'b', 'a', 'd'},
                Base64.getDecoder().decode(badComm.get("comm_base64").asText()));
        assertEquals("/tmp/evil\nname".getBytes(StandardCharsets.UTF_8).length,
                rows.stream().filter(r -> r.get("path").asText().contains("evil")).findFirst().orElseThrow()
                        .get("path").asText().getBytes(StandardCharsets.UTF_8).length);
    }
}
