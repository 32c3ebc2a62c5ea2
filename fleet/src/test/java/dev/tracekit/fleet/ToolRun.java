package dev.tracekit.fleet;

import dev.tracekit.analyzer.cli.CommandLineFactory;
import dev.tracekit.fleet.cli.FleetCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FleetCommandLine.execute(new PrintWriter(out), new PrintWriter(err),
                master -> SharedSpark.session(), args);
        return new ToolRun(status, out.toString(), err.toString());
    }
}
