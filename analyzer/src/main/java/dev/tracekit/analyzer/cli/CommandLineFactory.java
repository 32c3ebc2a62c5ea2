package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.render.SafeText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line with the given output streams: {@link Main} passes the console, tests capture them. */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    /** The whole command line, every verb in it: for the help, man pages and completion. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, TracekitCommand.VERBS);
    }

    /**
     * The command line for these arguments: when the first names a verb, with that verb alone. picocli builds
     * the model of every verb it is given (each with its ~40 options, by reflection), which took ~40% of a small
     * command's start; the other verbs cannot take part in a run of this one. Anything else (no verb, an unknown
     * one, {@code --help}, {@code --version}) gets them all, so the help and the unknown-verb line list them.
     */
    static CommandLine create(PrintWriter out, PrintWriter err, String... args) {
        return create(out, err, args.length == 0 ? TracekitCommand.VERBS : TracekitCommand.VERBS.stream()
                .filter(verb -> names(verb).contains(args[0]))
                .findFirst().map(List::<Class<?>>of).orElse(TracekitCommand.VERBS));
    }

    private static CommandLine create(PrintWriter out, PrintWriter err, List<Class<?>> verbs) {
        CommandLine tracekit = new CommandLine(new TracekitCommand());
        for (Class<?> verb : verbs) {
            tracekit.addSubcommand(new CommandLine(verb));
        }
        return configure(BccSwitches.addTo(tracekit), out, err, "tracekit",
                "; 'record' (Linux) and 'fleet' run through bin/tracekit");
    }

    private static List<String> names(Class<?> verb) {
        Command command = verb.getAnnotation(Command.class);
        return Stream.concat(Stream.of(command.name()), Arrays.stream(command.aliases())).toList();
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
        int status = create(out, err, args).execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
