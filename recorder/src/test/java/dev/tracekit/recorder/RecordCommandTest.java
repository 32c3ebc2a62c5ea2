package dev.tracekit.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.recorder.config.LiveFilter;
import dev.tracekit.recorder.redact.RedactedField;
import dev.tracekit.recorder.redact.Redactor;
import dev.tracekit.recording.TracekitVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as parsed, without recording: runs anywhere. */
class RecordCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private RecorderOptions parse(String... args) {
        CommandLine commandLine = RecordCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err));
        commandLine.parseArgs(args);
        return commandLine.<RecordCommand>getCommand().options();
    }

    private int execute(String... args) {
        return RecordCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void defaultsRecordCountsOpensKillsAndProcsEverySecond() {
        RecorderOptions options = parse("-o", "/tmp/x");
        assertEquals(Set.of(EventFamily.SYSCALLS, EventFamily.OPENS, EventFamily.KILLS, EventFamily.PROCS),
                options.events());
        assertEquals(Set.of(EventFamily.SYSCALLS, EventFamily.OPENS), parse("--events", "syscalls,opens").events(),
                "--events leaves procs out");
        assertEquals(LiveFilter.NONE, options.liveFilter());
        assertEquals(1_000_000_000L, options.intervalNs());
        assertEquals(0, options.durationNs());
        assertEquals(8 << 20, options.ringbufSize());
        assertEquals("zstd:1", options.codec());
        assertEquals(Path.of("/tmp/x"), options.output());
        assertFalse(options.failedOnly());
    }

    @Test
    void filtersAreResolved() {
        SyscallTable table = SyscallTable.of(Arch.current());
        RecorderOptions options = parse("-p", "1,2", "-p", "3", "-t", "4", "-u", "0", "-n", "nginx", "-x",
                "--syscalls", "openat,read,59", "--signal", "SIGTERM", "--exclude-signal", "0,SIGUSR1",
                "--path-prefix", "/etc/", "-i", "500ms", "-d", "3s", "--ringbuf-size", "1M",
                "--events", "opens,kernel-signals", "--rotate-size", "10M", "--max-files", "4");
        assertEquals(Set.of(1, 2, 3), options.liveFilter().pids());
        assertEquals(Set.of(4), options.liveFilter().tids());
        assertEquals(Set.of(0L), options.liveFilter().uids());
        assertEquals(Set.of("nginx"), options.liveFilter().comms());
        assertEquals(Set.of(table.number("openat").orElseThrow(), table.number("read").orElseThrow(), 59),
                options.liveFilter().syscalls());
        assertEquals(15, options.signal().getAsInt());
        assertEquals((1L << 0) | (1L << 10), options.excludedSignals());
        assertEquals("/etc/", options.pathPrefix());
        assertEquals(500_000_000L, options.intervalNs());
        assertEquals(3_000_000_000L, options.durationNs());
        assertEquals(1 << 20, options.ringbufSize());
        assertEquals(Set.of(EventFamily.OPENS, EventFamily.KERNEL_SIGNALS), options.events());
        assertEquals(10L << 20, options.rotation().maxBytes());
        assertEquals(4, options.rotation().maxFiles());
        assertTrue(options.failedOnly());
    }

    @Test
    void badInputEndsWithExitCode2AndOneLine() {
        assertUsageError("unknown event family 'bogus'", "--events", "bogus");
        assertUsageError("unknown syscall 'frobnicate'", "--syscalls", "frobnicate");
        assertUsageError("--ringbuf-size must be a power of two", "--ringbuf-size", "3000");
        assertUsageError("unknown codec", "--codec", "lz4");
        assertUsageError("bundle name must end in .tar.zst or .tar.gz", "--bundle", "/tmp/x.zip");
        assertUsageError("process name", "-n", "a-name-longer-than-15");
        assertUsageError("unknown signal", "--signal", "SIGNOPE");
        assertUsageError("--redact takes paths, comm and uid, not 'gid'", "--redact", "paths,gid");
    }

    @Test
    void redactNamesFieldsAndAKeyFileAndTheFiltersSayWhat() {
        RecorderOptions plain = parse("-o", "/tmp/x", "-n", "nginx");
        assertEquals(Set.of(), plain.redact());
        assertEquals(Path.of("/var/lib/tracekit/redact.key"), plain.redactKey());
        RecorderOptions options = parse("-o", "/tmp/x", "-n", "nginx", "--redact", "uid,comm", "--redact-key", "/k");
        assertEquals(Set.of(RedactedField.UID, RedactedField.COMM), options.redact());
        assertEquals(Path.of("/k"), options.redactKey());
        Redactor redactor = Redactor.of(options.redact(), new byte[32]);
        Map<String, Object> filters = options.describe(redactor);
        assertEquals(List.of("comm", "uid"), filters.get("redacted"));
        assertFalse(filters.get("comms").toString().contains("nginx"), filters.toString());
    }

    private void assertUsageError(String message, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(RecorderException.USAGE, execute(args));
        String text = err.toString();
        assertTrue(text.contains(message), text);
        assertEquals(1, text.lines().count(), text);
    }

    @Test
    void parseErrorsAreOneLineWithThePrefixAndAPointerToHelp() {
        for (String[] args : List.of(new String[] {"--bogus"}, new String[] {"-d"}, new String[] {"-d", "soon"},
                new String[] {"--ringbuf-size", "lots"}, new String[] {"stray"})) {
            err.getBuffer().setLength(0);
            assertEquals(RecorderException.USAGE, execute(args));
            String text = err.toString();
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith("tracekit record: "), text);
            assertTrue(text.endsWith(" (see: tracekit record --help)\n"), text);
            assertEquals("", out.toString(), "no usage dump");
        }
    }

    @Test
    void filterOptionsAnswerToTheAnalyzersNamesAndTheirOwn() {
        RecorderOptions analyzerNames = parse("--syscall", "openat", "--failed", "-s", "SIGTERM");
        RecorderOptions ownNames = parse("--syscalls", "openat", "--failed-only", "--signal", "SIGTERM");
        assertEquals(analyzerNames.liveFilter(), ownNames.liveFilter());
        assertEquals(analyzerNames.failedOnly(), ownNames.failedOnly());
        assertTrue(analyzerNames.failedOnly());
        assertEquals(15, analyzerNames.signal().getAsInt());
        assertEquals(ownNames.signal(), analyzerNames.signal());
    }

    @Test
    void theVersionIsTracekitsOne() {
        assertEquals(0, execute("--version"));
        assertEquals("tracekit " + TracekitVersion.get() + "\n", out.toString());
    }

    @Test
    void helpShowsExamples() {
        assertEquals(0, execute("--help"));
        assertTrue(out.toString().contains("Examples:"));
        assertTrue(out.toString().contains("--exclude-signal"));
    }
}
