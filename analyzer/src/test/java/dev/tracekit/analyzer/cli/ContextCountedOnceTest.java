package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.testdata.ServiceSyscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top commands and services take each call once, from the recording's own syscall family: app-1 with counts and
 * events beside web-1 with events only, so the run reads both families (ServiceSyscalls: 40 calls of nginx's master,
 * 30 of 810 once exec'd as nginx, 7 before, when it was systemd's fork).
 */
class ContextCountedOnceTest {
    @TempDir
    Path dir;

    @Test
    void aRecordingWithBothFamiliesCountsItsCallsOnce() throws IOException {
        Path app = copy(Fixtures.app(), dir.resolve("app"), name -> true);
        ServiceSyscalls.write(app, true);
        copy(Fixtures.web(), dir.resolve("web"), name -> !name.startsWith("syscall-counts-"));
        CliRun run = CliRun.of("summary", dir.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("app-1 +1 +40 +0 +1 +nginx: master process .*")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("app-1 +1 +30 +1 +0 +/usr/sbin/nginx -g .*")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("app-1 +2 +7 +0 +2 +/sbin/init splash")),
                "systemd and its fork before the exec: " + run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("app-1 +3 +77 +1 +1 +nginx\\.service")), run.out());
    }

    private static Path copy(Path from, Path to, java.util.function.Predicate<String> names) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> names.test(f.getFileName().toString())).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
