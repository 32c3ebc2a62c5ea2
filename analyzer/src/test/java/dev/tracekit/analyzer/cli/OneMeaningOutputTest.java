package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Machine output means one thing per field, and a CSV file is one table a CSV reader reads whole. */
class OneMeaningOutputTest {
    @ParameterizedTest
    @ValueSource(strings = {"summary @web", "summary @web @db", "diff @db @web"})
    void multiTableCsvIsOneTableWithASectionColumn(String args) {
        CliRun run = CliRun.withFixtures((args + " --format csv").split(" "));
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("section,"), lines.getFirst());
        int fields = lines.getFirst().split(",", -1).length;
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(!line.isEmpty() && !line.startsWith("section,"), "one header, no blank lines: " + line);
            if (!line.contains("\"")) {
                assertEquals(fields, line.split(",", -1).length, line);
            }
        }
    }

    /** {@code syscall} is the syscall's number in the recording's architecture, {@code syscall_name} its name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kills @db --format json|\"syscall\":129,\"syscall_name\":\"kill\"",
        "export @db --family kills|\"syscall\":129,\"syscall_name\":\"kill\"",
        "export @db --family opens|\"syscall\":56,\"syscall_name\":\"openat\"",
        "export @web --family opens|\"syscall\":257,\"syscall_name\":\"openat\"",
        "kills @web --format json -s SIGSEGV|\"syscall\":-1,\"syscall_name\":\"signal_generate\"",
        "syscalls @db --format json|\"syscall\":73,\"syscall_name\":\"ppoll\"",
    })
    void theSyscallFieldIsTheSyscallNumber(String args, String field) {
        CliRun run = CliRun.withFixtures(args.split(" "));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(field), run.out().lines().findFirst().orElse(""));
    }
}
