package dev.tracekit.analyzer.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracekit.analyzer.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parquet exports read back by DuckDB (its own C++ Parquet reader, not parquet-java) hold exactly what the
 * NDJSON export of the same selection holds: every row, every field, the decoded names, exact bytes.
 */
class ParquetExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Every family; procs from the CI fixture: argv with NULs, escapes and bytes that are not UTF-8, null fields. */
    @ParameterizedTest
    @CsvSource({"@web, opens", "@web, kills", "@web, syscall-events", "@web, syscall-counts", "@ci, procs"})
    void duckDbReadsEveryRowAndFieldTheNdjsonExportHas(String fixture, String family) throws Exception {
        Path file = dir.resolve(family + ".parquet");
        CliRun export = CliRun.withFixtures("export", fixture, "--family", family, "--format", "parquet",
                "-o", file.toString());
        assertEquals(0, export.status(), export.err());
        List<JsonNode> expected = new ArrayList<>();
        for (String line : CliRun.withFixtures("export", fixture, "--family", family).out().split("\n")) {
            expected.add(JSON.readTree(line));
        }

        List<Map<String, Object>> rows = duckDb("SELECT * FROM read_parquet('" + file + "')");
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertSameRecord(expected.get(i), rows.get(i), family + " row " + i);
        }
    }

    private static void assertSameRecord(JsonNode expected, Map<String, Object> row, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.endsWith("_base64")) {
                String raw = key.replace("_base64", "_raw");
                assertArrayEquals(Base64.getDecoder().decode(value.asText()), (byte[]) row.get(raw), where + " " + raw);
                continue;
            }
            assertTrue(row.containsKey(key), where + ": no column " + key);
            Object actual = row.get(key);
            if (value.isNull()) {
                assertNull(actual, where + " " + key);
            } else if (key.endsWith("_utc")) {
                // A UTC timestamp in microseconds (what Spark reads); ts_ns keeps the nanoseconds.
                Instant instant = Instant.parse(value.asText());
                assertEquals(instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000, actual, where + " " + key);
            } else if (value.isNumber()) {
                assertEquals(value.asLong(), ((Number) actual).longValue(), where + " " + key);
            } else if (value.isBoolean()) {
                assertEquals(value.asBoolean(), actual, where + " " + key);
            } else {
                assertEquals(value.asText(), actual, where + " " + key);
            }
        }
        for (String column : row.keySet()) {
            if (column.endsWith("_raw") && !expected.has(column.replace("_raw", "_base64"))) {
                assertNull(row.get(column), where + ": " + column + " is only for bytes that are not UTF-8");
            }
        }
    }

    @Test
    void typesAreWhatQueriesExpect() throws Exception {
        Path file = dir.resolve("opens.parquet");
        assertEquals(0, CliRun.withFixtures("export", "@web", "--family", "opens", "--format", "parquet",
                "-o", file.toString()).status());
        Map<String, String> types = new HashMap<>();
        for (Map<String, Object> column : duckDb("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
            types.put((String) column.get("column_name"), (String) column.get("column_type"));
        }
        assertEquals("BIGINT", types.get("ts_ns"));
        assertEquals("TIMESTAMP WITH TIME ZONE", types.get("ts_utc"));
        assertEquals("VARCHAR", types.get("path"));
        assertEquals("BLOB", types.get("path_raw"));
        assertEquals("VARCHAR", types.get("errno_name"));
        assertEquals("BOOLEAN", types.get("path_truncated"));
        List<Map<String, Object>> failed = duckDb("SELECT errno_name, count(*) AS n FROM read_parquet('" + file
                + "') WHERE path = '/etc/missing.conf' GROUP BY errno_name");
        assertEquals(1, failed.size());
        assertEquals("ENOENT", failed.getFirst().get("errno_name"));
        List<Map<String, Object>> notUtf8 = duckDb("SELECT path_raw FROM read_parquet('" + file
                + "') WHERE path_raw IS NOT NULL");
        assertTrue(notUtf8.stream().anyMatch(row -> new String((byte[]) row.get("path_raw"),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains("\u00ff\u00fe\u0080")), "exact bytes kept");
    }

    @Test
    void parquetNeedsAFileAndNeverOverwrites() throws Exception {
        CliRun noFile = CliRun.withFixtures("export", "@web", "--family", "opens", "--format", "parquet");
        assertEquals(2, noFile.status());
        assertTrue(noFile.err().contains("needs -o FILE"), noFile.err());

        Path existing = Files.writeString(dir.resolve("kept.parquet"), "keep");
        CliRun run = CliRun.withFixtures("export", "@web", "--family", "opens", "--format", "parquet",
                "-o", existing.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("already exists"), run.err());
        assertEquals("keep", Files.readString(existing));
    }

    /** Runs one query in an in-memory DuckDB; timestamps come back as epoch microseconds. */
    private static List<Map<String, Object>> duckDb(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    if (value instanceof java.time.OffsetDateTime time) {
                        Instant instant = time.toInstant();
                        value = instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
                    } else if (value instanceof java.sql.Blob blob) {
                        value = blob.getBytes(1, (int) blob.length());
                    }
                    row.put(meta.getColumnName(i), value);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
