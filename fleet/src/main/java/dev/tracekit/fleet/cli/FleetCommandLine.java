package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.TracekitException;
import java.io.PrintWriter;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** Builds the fleet command line with the given streams and sessions: {@link Main} passes the console, tests capture them. */
public final class FleetCommandLine {
    private FleetCommandLine() {
    }

    /** @param sessions makes the Spark session from {@code --master} (null when not given) */
    public static CommandLine create(PrintWriter out, PrintWriter err, Function<String, SparkSession> sessions) {
        CommandLine commandLine = new CommandLine(new FleetCommand(sessions));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            err.println("tracekit: " + e.getMessage() + " (see: tracekit fleet "
                    + (e.getCommandLine().getParent() != null ? e.getCommandLine().getCommandName() + " " : "")
                    + "--help)");
            err.flush();
            return ExitCode.BAD_INPUT.status();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getOut().flush();
            if (e instanceof TracekitException known) {
                err.println("tracekit: " + known.getMessage());
                err.flush();
                return known.exitCode().status();
            }
            err.println("tracekit: internal error: " + e);
            err.flush();
            return ExitCode.INTERNAL_ERROR.status();
        });
        return commandLine;
    }

    /** Runs one command line and returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, Function<String, SparkSession> sessions, String... args) {
        int status = create(out, err, sessions).execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
