package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.recording.RecordingMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input ends with one line on stderr, exit code 2 and nothing on stdout; never a stack trace. */
class BadInputTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "opens /no/such/path                          | /no/such/path: no such file or directory",
        "frobnicate @web                              | unknown verb 'frobnicate'",
        "opens @app --with bogus                      | unknown --with column 'bogus' (one of ppid, service, cgroup, exe, cmd)",
        "opens @app --top files --with service        | --with shows a process's columns; --top files rows are files, not processes (use --top processes --with)",
        "procs @app --tree --lineage 5000             | --tree and --lineage exclude each other",
        "procs @app --tree --with service             | --tree shows every process's service and command line already; --with adds columns to event rows (procs, --lineage)",
        "procs @app --at +1s                          | --at goes with --tree or --lineage",
        "procs @app --tree --at yesterday             | bad time 'yesterday': use a UTC time like 2026-11-02T09:00:01Z or an offset from the start like +2s or 5m",
        "kills @app --tpid x                          | Invalid value for option '--tpid' (PID): 'x' is not an int",
        "opens @web --bogus                           | Unknown option: '--bogus'",
        "kills @web -s SIGFOO                         | unknown signal 'SIGFOO'",
        "procs @ci --max-args 0                       | --max-args must be at least 1, not 0",
        "procs @ci --argv --max-args 3                | --argv and --max-args exclude each other",
        "kills @web -s 99                             | unknown signal '99'",
        "kills @web -s 9499999999999999999999         | unknown signal '9499999999999999999999'",
        "opens @web --errno 99999999999               | unknown errno '99999999999'",
        "opens @web --errno ENOPE                     | unknown errno 'ENOPE'",
        "opens @web --flags O_FROB                    | unknown open flag 'O_FROB'",
        "syscalls @web --syscall frobnicate           | unknown syscall 'frobnicate'",
        "opens @web --since yesterday                 | bad time 'yesterday'",
        "opens @web --until 2026-13-45T00:00:00Z      | bad time '2026-13-45T00:00:00Z'",
        "opens @truncated --since +1s                 | has no interval statistics, so it has no start",
        "syscalls @web --interval 0s                  | duration '0s' must be above zero",
        "syscalls @web --interval soon                | bad duration 'soon'",
        "syscalls @web --interval 999999999999999999d | duration '999999999999999999d' is too long",
        "opens @web --since +99999999999999999999h    | duration '+99999999999999999999h' is too long",
        "opens @web --until 2263-01-01T00:00:00Z      | time 2263-01-01T00:00:00Z is outside the years 1678..2262",
        "opens @web --since \u001b[2Jnow              | bad time '\\x1b[2Jnow'",
        "syscalls @web --by color                     | bad --by 'color'",
        "summary @web --limit -1                      | row limit -1 is below zero",
        "syscalls @web -T -3                          | row limit -3 is below zero",
        "opens @web --top processes --limit -1        | row limit -1 is below zero",
        "opens @web --comm-regex (                    | bad --comm-regex '('",
        "opens @web -p abc                            | Invalid value for option '--pid'",
        "opens                                        | Missing required parameter: 'RECORDING'",
    })
    void oneLineAndExitTwo(String args, String message) {
        CliRun run = CliRun.withFixtures(args.strip().split("\\s+"));
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("tracekit: "), run.err());
        assertTrue(run.err().contains(message.strip()), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void aFileThatIsNotARecordingIsRefused(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.avro"), "hello");
        CliRun run = CliRun.of("summary", notes.toString());
        assertEquals(2, run.status());
        assertEquals("tracekit: " + notes + ": not a tracekit recording\n", run.err());
    }

    @Test
    void aDirectoryWithoutRecordingsIsRefused(@TempDir Path dir) {
        CliRun run = CliRun.of("summary", dir.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no recording files"), run.err());
    }

    @Test
    void aNewerMajorSchemaVersionIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("opens-000001.avro");
        ForgedHeaderFile.write(file);
        CliRun run = CliRun.of("opens", file.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("written with schema version 2.0, a major version this analyzer does not read (it reads 1.x)"), run.err());
    }

    @Test
    void anArchitectureWithoutNameTablesIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("opens-000001.avro");
        ForgedHeaderFile.write(file, RecordingMeta.CURRENT_SCHEMA_VERSION, "riscv64");
        CliRun run = CliRun.of("opens", file.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unsupported architecture 'riscv64'"), run.err());
    }

    @Test
    void helpIsNotAnError() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("record"), "usage names the recorder's verb");
        assertTrue(run.out().contains("summary"));
    }
}
