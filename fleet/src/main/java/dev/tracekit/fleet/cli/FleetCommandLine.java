package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.cli.BccSwitches;
import dev.tracekit.analyzer.cli.CommandLineFactory;
import java.io.PrintWriter;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * Builds the fleet command line with the given streams and sessions: {@link Main} passes the console, tests
 * capture them. Bad input and failures are answered as the analyzer answers them, and the bcc switches of opens and
 * kills ({@code -e}, {@code -n}) mean there what they mean in the analyzer.
 */
public final class FleetCommandLine {
    private FleetCommandLine() {
    }

    /** @param sessions makes the Spark session from {@code --master} (null when not given) */
    public static CommandLine create(PrintWriter out, PrintWriter err, Function<String, SparkSession> sessions) {
        return CommandLineFactory.configure(BccSwitches.addTo(new CommandLine(new FleetCommand(sessions))), out, err,
                "tracekit fleet", "");
    }

    /** Runs one command line and returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, Function<String, SparkSession> sessions, String... args) {
        int status = create(out, err, sessions).execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
