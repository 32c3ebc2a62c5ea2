package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.testdata.Ia32Recording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ia32 call's number is the ia32 table's (5 is open there, fstat on x86_64): every listing names it from that
 * table as ia32:NAME, apart from the native call of the same number, and --syscall open finds both opens.
 */
class Ia32SyscallNamesTest {
    @TempDir
    Path dir;

    @Test
    void countsAndEventsOfIa32CallsCarryIa32Names() throws IOException {
        Ia32Recording.write(dir);

        CliRun syscalls = CliRun.of("syscalls", dir.toString(), "--format", "csv");
        assertEquals(0, syscalls.status(), syscalls.err());
        List<String> rows = syscalls.out().lines().toList();
        assertTrue(rows.contains("5,ia32:open,7,0,0"), syscalls.out()); // the number is the ia32 table's
        assertTrue(rows.contains("5,fstat,3,0,0"), syscalls.out());
        assertTrue(rows.contains("2,open,2,0,0"), syscalls.out());

        CliRun opens = CliRun.of("syscalls", dir.toString(), "--syscall", "open", "--format", "csv");
        assertEquals(0, opens.status(), opens.err());
        assertTrue(opens.out().lines().toList().containsAll(List.of("5,ia32:open,7,0,0", "2,open,2,0,0")), opens.out());
        assertFalse(opens.out().contains("fstat"), opens.out());

        CliRun events = CliRun.of("events", dir.toString(), "--format", "csv");
        assertEquals(0, events.status(), events.err());
        assertTrue(events.out().contains("ia32:kill"), events.out());
        assertFalse(events.out().contains("alarm"), "x86_64's 37 is alarm, ia32's kill: " + events.out());
    }
}
