package dev.tracekit.fleet;

import dev.tracekit.analyzer.cli.CommandLineFactory;
import dev.tracekit.fleet.cli.FleetCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** One run of the analyzer or the fleet with captured streams, so tests compare the two tools' output. */
record ToolRun(int status, String out, String err) {
    /** The words of {@code args} followed by the input path, as a user would type them. */
    static String[] argv(String args, Path input) {
        List<String> argv = new ArrayList<>(List.of(args.split(" ")));
        argv.add(input.toString());
        return argv.toArray(String[]::new);
    }

    static ToolRun analyzer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CommandLineFactory.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new ToolRun(status, out.toString(), err.toString());
    }

    /** The fleet on the test JVM's one Spark session, whatever --master says. */
    static ToolRun fleet(String... args) {
        return fleet(master -> SharedSpark.session(), args);
    }

    /** The fleet with its sessions from {@code sessions}, which is handed each run's --master (null if not given). */
    static ToolRun fleet(Function<String, SparkSession> sessions, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FleetCommandLine.execute(new PrintWriter(out), new PrintWriter(err), sessions, args);
        return new ToolRun(status, out.toString(), err.toString());
    }
}
