package dev.tracekit.analyzer.fuzz;

import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.analyzer.cli.CommandLineFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The analyzer's command line built once and run for every fuzz input. Building picocli's model of all
 * verbs costs several times more than reading a small file, and picocli resets every option before each
 * parse, so a run sees only its own arguments.
 */
final class ReusedCommandLine {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine commandLine = CommandLineFactory.create(new PrintWriter(out), new PrintWriter(err));

    CliRun run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int status = commandLine.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
