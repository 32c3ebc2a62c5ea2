package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** diff over fixtures whose differences are known from the generator. */
class DiffTest {
    private static List<JsonNode> rows(CliRun run) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            rows.add(json.readTree(line));
        }
        return rows;
    }

    @Test
    void aRecordingComparedWithItselfHasNoChanges() throws Exception {
        CliRun run = CliRun.withFixtures("diff", "@web", "@web", "--format", "json", "--limit", "1000");
        assertEquals(0, run.status(), run.err());
        for (JsonNode row : rows(run)) {
            String section = row.get("section").asText();
            assertTrue(List.of("failed_opens", "failed_syscalls", "syscalls", "processes").contains(section),
                    "nothing on one side only: " + row);
            assertEquals(0.0, row.get("change").asDouble(), row.toString());
        }
    }

    @Test
    void knownDifferencesBetweenTheDatabaseAndTheWebHost() throws Exception {
        CliRun run = CliRun.withFixtures("diff", "@db", "@web", "--format", "json", "--limit", "1000");
        List<JsonNode> rows = rows(run);
        JsonNode pgbouncer = rows.stream().filter(r -> r.get("section").asText().equals("processes")
                && r.get("comm").asText().equals("pgbouncer")).findFirst().orElseThrow();
        assertEquals(0.0, pgbouncer.get("rate_b").asDouble());
        assertEquals(-100.0, pgbouncer.get("change_pct").asDouble());
        assertTrue(rows.stream().anyMatch(r -> r.get("section").asText().equals("files_only_in_one")
                && r.get("side").asText().equals("A") && r.get("path").asText().equals("/etc/pgbouncer/pgbouncer.ini")));
        assertTrue(rows.stream().anyMatch(r -> r.get("section").asText().equals("files_only_in_one")
                && r.get("side").asText().equals("B") && r.get("path").asText().equals("/etc/nginx/nginx.conf")));
        JsonNode probes = rows.stream().filter(r -> r.get("section").asText().equals("signals_only_in_one")).findFirst()
                .orElseThrow();
        assertEquals("systemd", probes.get("comm").asText());
        assertEquals(0, probes.get("signal").asInt());
        assertEquals(1_500, probes.get("count").asInt(), "the liveness probes exist only on the web host");
    }
}
