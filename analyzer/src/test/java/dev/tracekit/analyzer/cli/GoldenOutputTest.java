package dev.tracekit.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verb in every format over the fixtures, compared byte for byte with the files under
 * src/test/resources/golden/. Any change in output fails here. After an intended change, rewrite them with
 * {@code mvn -pl analyzer test -Dtest=GoldenOutputTest -Dgolden.update=true} and review the diff.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** name, args and, where one is due, the one line expected on stderr; each is run in table, json and csv. */
    static Stream<Arguments> cases() {
        List<Object[]> cases = List.of(
                new Object[] {"summary-web", "summary @web"},
                new Object[] {"summary-db", "summary @db"},
                new Object[] {"summary-two-hosts", "summary @web @db --limit 5"},
                new Object[] {"summary-empty", "summary @empty"},
                new Object[] {"syscalls-web", "syscalls @web"},
                new Object[] {"syscalls-web-latency-by-process", "syscalls @web -P -L -T 5"},
                new Object[] {"syscalls-web-process-syscall", "syscalls @web --by process,syscall --sort errors --limit 8"},
                new Object[] {"syscalls-web-interval", "syscalls @web --interval 2s -T 3"},
                new Object[] {"syscalls-web-histogram", "syscalls @web --histogram -T 2"},
                new Object[] {"syscalls-web-from-events", "syscalls @web -t 2353 -x"},
                new Object[] {"syscalls-db", "syscalls @db -L"},
                new Object[] {"opens-web", "opens @web --limit 25"},
                new Object[] {"opens-web-hostile", "opens @web -p 4100,4200,4300,4300 --path-regex ^/(tmp/[^a]|srv/<)"},
                new Object[] {"opens-web-failed-relative", "opens @web -x --errno ENOENT,ENAMETOOLONG -n bash --relative"},
                new Object[] {"opens-web-top-files", "opens @web --top files"},
                new Object[] {"opens-web-top-processes", "opens @web --top processes -x"},
                new Object[] {"opens-db-directory", "opens @db -f O_DIRECTORY"},
                new Object[] {"opens-dev", "opens @dev"},
                new Object[] {"opens-dev-raw-path", "opens @dev --raw-path"},
                new Object[] {"opens-dev-etc", "opens @dev --path /etc/*"},
                new Object[] {"opens-dev-top-files", "opens @dev --top files"},
                new Object[] {"export-opens-dev", "export @dev --family opens"},
                new Object[] {"kills-web", "kills @web --limit 30 --comm bash"},
                new Object[] {"kills-web-generated", "kills @web --syscall signal_generate,tkill,tgkill,rt_sigqueueinfo,rt_tgsigqueueinfo"},
                new Object[] {"kills-web-top", "kills @web --top"},
                new Object[] {"kills-db", "kills @bundle"},
                new Object[] {"kills-app", "kills @app"},
                new Object[] {"kills-app-sigterm-to-nginx", "kills @app --target-comm nginx -s SIGTERM"},
                new Object[] {"kills-app-reused-pid", "kills @app --tpid 5000"},
                new Object[] {"kills-app-with-sender", "kills @app --with service,ppid -s SIGTERM"},
                new Object[] {"kills-app-top-with-sender", "kills @app --top --with cmd,service,ppid"},
                new Object[] {"opens-app-top-processes-with-context", "opens @app --top processes --with cmd,exe,service"},
                new Object[] {"opens-app13-top-processes-with-cgroup", "opens @app13 --top processes --with cgroup"},
                new Object[] {"opens-app-with-context", "opens @app --with ppid,service,cgroup,exe,cmd"},
                new Object[] {"opens-app-by-unit", "opens @app --unit nginx,4f1c2a3b5d6e"},
                new Object[] {"opens-app-by-cgroup-glob", "opens @app --cgroup /sys/fs/cgroup/kubepods.slice/** --with service"},
                new Object[] {"opens-app-by-exe", "opens @app --exe /usr/local/bin/new-job"},
                new Object[] {"procs-app-with-service", "procs @app --with service,cmd,ppid"},
                new Object[] {"procs-app-by-ppid", "procs @app --ppid 2000"},
                new Object[] {"procs-app-tree", "procs @app --tree"},
                new Object[] {"procs-app-tree-during-restart", "procs @app --tree --at +0.35s"},
                new Object[] {"procs-app-lineage", "procs @app --lineage 5000"},
                new Object[] {"procs-app-lineage-before-reuse", "procs @app --lineage 5000 --at +1.05s"},
                new Object[] {"procs-app-lineage-with-service", "procs @app13 --lineage 1600 --with service,cmd"},
                new Object[] {"events-web-with-context", "events @web --limit 3 --with ppid,service,cmd",
                        "tracekit: warning: web-1: the --with columns are empty: its recording (schema 1.0) has no "
                                + "process snapshots (recorded since schema 1.1) and no procs records (record --events "
                                + "procs) to tell who its processes were"},
                new Object[] {"events-web", "events @web --limit 15"},
                new Object[] {"procs-ci", "procs @ci"},
                new Object[] {"procs-ci-threaded-max-args", "procs @ci --threaded --max-args 2 -p 3001,3005,3006"},
                new Object[] {"procs-ci-abnormal-argv", "procs @ci -x --argv --relative"},
                new Object[] {"procs-ci-renames-by-comm", "procs @ci -n java --since +2s"},
                new Object[] {"summary-ci", "summary @ci"},
                new Object[] {"summary-app", "summary @app"},
                new Object[] {"summary-app-by-unit", "summary @app --unit nginx"},
                new Object[] {"top-app-counts", "top @appcounts"},
                new Object[] {"top-app-events", "top @appevents --limit 3"},
                new Object[] {"top-web", "top @web --limit 3"},
                new Object[] {"procs-app-new-container", "procs @app13 --with service --since +2s"},
                new Object[] {"opens-app-new-container-by-unit", "opens @app13 --unit c0ffee00aa11 --with service,cgroup"},
                new Object[] {"kills-app-new-container", "kills @app13 --tpid 1600 --with service"},
                new Object[] {"summary-app-new-container", "summary @app13"},
                new Object[] {"export-procs-new-container", "export @app13 --family procs --since +2.1s"},
                new Object[] {"diff-ci-app", "diff @ci @app"},
                new Object[] {"export-procs", "export @ci --family procs"},
                new Object[] {"diff-db-web", "diff @db @web"},
                new Object[] {"export-opens-hostile", "export @web --family opens -p 4100,4200,4300 --path-regex ^/(tmp/[^a]|srv/<)"},
                new Object[] {"events-web-failed", "events @web -x --syscall openat -p 2201 --since +2s --until +4s --relative"});
        List<Arguments> all = new ArrayList<>();
        for (Object[] c : cases) {
            boolean export = c[1].toString().startsWith("export");
            for (String format : export ? List.of("ndjson", "csv") : List.of("table", "json", "csv")) {
                all.add(Arguments.of(c[0] + "." + extension(format), c[1] + " --format " + format,
                        c.length > 2 ? c[2] + "\n" : ""));
            }
        }
        return all.stream();
    }

    private static String extension(String format) {
        return switch (format) {
            case "json", "ndjson" -> "ndjson";
            case "csv" -> "csv";
            default -> "txt";
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String name, String args, String err) throws IOException {
        CliRun run = CliRun.withFixtures(args.split(" "));
        assertEquals(0, run.status(), run.err());
        assertEquals(err, run.err());
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), run.out(), "output of: tracekit " + args);
    }
}
