package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording made with --redact says so under the summary's recordings, where its hashes would mislead. */
class RedactedRecordingTest {
    private static CliRun summaryOf(Path dir, String filtersJson) throws IOException {
        ForgedHeaderFile.writeWithFilters(dir.resolve("opens-000001.avro"), filtersJson);
        return CliRun.of("summary", dir.toString());
    }

    @Test
    void theSummaryNamesTheRedactedFields(@TempDir Path dir) throws IOException {
        CliRun run = summaryOf(dir, "{\"pids\":[],\"redacted\":[\"paths\",\"comm\"],\"uids\":[]}");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(
                "note: web-9 was recorded with --redact paths,comm: those values are keyed hashes, equal where the "
                        + "values were\n"), run.out());
    }

    @Test
    void noNoteWithoutRedactionOrWithFiltersThatAreNotJson(@TempDir Path dir) throws IOException {
        for (String filters : new String[] {"{\"redacted\":[]}", "{}", "not json {"}) {
            CliRun run = summaryOf(dir, filters);
            assertEquals(0, run.status(), run.err());
            assertFalse(run.out().contains("--redact"), filters + ": " + run.out());
        }
    }
}
