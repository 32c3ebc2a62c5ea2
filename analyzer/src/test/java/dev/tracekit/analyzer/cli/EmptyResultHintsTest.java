package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An empty result says why in one line, as the note of syscalls -L does, and only once. */
class EmptyResultHintsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "syscalls @db -e ENOENT|note: -e: in-kernel syscall counts carry no errno (record --events syscall-events for errnos)",
        "syscalls @db -u 0|note: -t/-u: in-kernel syscall counts carry no thread or user (record --events syscall-events for them)",
        "syscalls @db --path /etc/**|note: --path, --path-regex and -f select opens only; syscall-counts records have no path",
        "kills @db -f O_CREAT|note: --path, --path-regex and -f select opens only; kills records have no path",
        "opens @db -s SIGTERM|note: -s selects signals only; opens records have none",
        "events @db|note: db-1 has no syscall-events records (record with --events syscall-events)",
        "summary @web --host web-2|note: --host web-2 matches no recording (hosts here: web-1)",
    })
    void anEmptyResultSaysWhy(String args, String hint) {
        CliRun run = CliRun.withFixtures(args.split(" "));
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("(none)", lines.get(lines.indexOf(hint) - 1), run.out());
        assertEquals(1, lines.stream().filter(hint::equals).count(), run.out());
    }
}
