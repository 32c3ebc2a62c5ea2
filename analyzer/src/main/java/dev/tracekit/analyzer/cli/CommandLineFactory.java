package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.render.SafeText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line with the given output streams: {@link Main} passes the console, tests capture them. */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return configure(BccSwitches.addTo(new CommandLine(new TracekitCommand())), out, err, "tracekit",
                "; 'record' (Linux) and 'fleet' run through bin/tracekit");
    }

    /**
     * Gives a command line its streams and tracekit's answers to bad input (one line, exit 2) and failures:
     * the analyzer's command line and the fleet's.
     *
     * @param program   the command as the help hint names it ({@code tracekit}, {@code tracekit fleet})
     * @param verbsNote said after the list of verbs when the verb is unknown
     */
    public static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err, String program,
            String verbsNote) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            if (e instanceof UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
                printLine(err, "unknown verb '" + unmatched.getUnmatched().getFirst() + "' (verbs: "
                        + String.join(", ", e.getCommandLine().getSubcommands().keySet()) + verbsNote + ")");
                err.flush();
                return ExitCode.BAD_INPUT.status();
            }
            printLine(err, e.getMessage() + " (see: " + program + " "
                    + (e.getCommandLine().getParent() != null ? e.getCommandLine().getCommandName() + " " : "")
                    + "--help)");
            err.flush();
            return ExitCode.BAD_INPUT.status();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getOut().flush();
            if (e instanceof TracekitException known) {
                printLine(err, known.getMessage());
                err.flush();
                return known.exitCode().status();
            }
            printLine(err, "internal error: " + e);
            err.flush();
            return ExitCode.INTERNAL_ERROR.status();
        });
        return commandLine;
    }

    /**
     * Prints one line of stderr. Messages quote what was given (option values, file and bundle entry names),
     * and those may hold newlines or escape sequences: escaped, the message stays one line and drives no terminal.
     */
    private static void printLine(PrintWriter err, String message) {
        err.println("tracekit: " + SafeText.escape(message));
    }

    /** Runs one command line and returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int status = create(out, err).execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
