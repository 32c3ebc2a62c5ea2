package dev.tracekit.analyzer.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the analyzer's AOT cache (JEPs 483, 514, 515): {@code java -XX:AOTCacheOutput=CACHE -cp
 * tracekit-analyzer.jar dev.tracekit.analyzer.cli.AotTraining RECORDING RECORDING}, as scripts/build.sh and
 * scripts/package.sh run it over two bundled fixtures. A cache holds the classes its one training run loaded, and
 * a run of one verb builds that verb's command line alone, so training on {@code summary} would leave every other
 * verb's classes to be read from the jar; this runs each small command a user starts with, in one JVM.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: AotTraining RECORDING RECORDING");
            System.exit(2);
        }
        List<String> failed = failedCommands(commands(args[0], args[1]));
        if (!failed.isEmpty()) {
            System.err.println("tracekit: the AOT training's commands failed: " + String.join("; ", failed));
            System.exit(1);
        }
    }

    /** The training's commands over two recordings. */
    static List<String[]> commands(String one, String two) {
        return List.of(
                new String[] {"--version"},
                new String[] {"--help"},
                new String[] {"summary", one, two},
                new String[] {"syscalls", one},
                new String[] {"syscalls", "-P", "--format", "json", one},
                new String[] {"opens", one, "-x"},
                new String[] {"opens", "--top", "files", one},
                new String[] {"kills", two},
                new String[] {"kills", "--top", one},
                new String[] {"events", one, "--limit", "100"},
                new String[] {"procs", one},
                new String[] {"export", one, "--family", "opens", "--format", "ndjson"},
                new String[] {"export", one, "--family", "syscall-counts", "--format", "csv"},
                new String[] {"diff", one, two},
                new String[] {"top", one});
    }

    /** Runs the commands; those that ended with bad input (status 2). */
    static List<String> failedCommands(List<String[]> commands) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        List<String> failed = new ArrayList<>();
        for (String[] command : commands) {
            // 0 or 1 (a partial result): the classes were loaded either way; 2 means this list went stale
            if (CommandLineFactory.execute(sink, sink, command) > 1) {
                failed.add(String.join(" ", command));
            }
        }
        return failed;
    }
}
