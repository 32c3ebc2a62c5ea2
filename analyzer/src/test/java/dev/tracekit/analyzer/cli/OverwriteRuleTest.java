package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report and export keep an existing file unless --force, with one line and exit 2. */
class OverwriteRuleTest {
    @Test
    void reportKeepsAnExistingFileUnlessForced(@TempDir Path dir) throws IOException {
        Path html = Files.writeString(dir.resolve("r.html"), "mine");
        CliRun refused = CliRun.withFixtures("report", "--html", html.toString(), "@db");
        assertEquals(2, refused.status());
        assertEquals("tracekit: " + html + ": already exists; add --force to overwrite it\n", refused.err());
        assertEquals("mine", Files.readString(html));

        CliRun forced = CliRun.withFixtures("report", "--html", html.toString(), "--force", "@db");
        assertEquals(0, forced.status(), forced.err());
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void exportKeepsAnExistingFileUnlessForced(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("opens.csv"), "mine");
        CliRun refused = CliRun.withFixtures("export", "@db", "--family", "opens", "--format", "csv", "-o", csv.toString());
        assertEquals(2, refused.status());
        assertEquals("tracekit: " + csv + ": already exists; add --force to overwrite it\n", refused.err());
        assertEquals("mine", Files.readString(csv));

        CliRun forced = CliRun.withFixtures("export", "@db", "--family", "opens", "--format", "csv", "-o", csv.toString(),
                "--force");
        assertEquals(0, forced.status(), forced.err());
        assertEquals(802, Files.readAllLines(csv).size(), "a header and db-1's 801 opens");
    }
}
