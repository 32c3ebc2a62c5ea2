package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.fleet.input.TableCompactor;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Writes recordings into a Parquet table partitioned by host, day and family, with the recording "
                + "facts as columns. Only files not yet in the table (or grown since) are written; re-running adds "
                + "nothing. Every fleet verb reads the TABLE as it reads recordings."})
final class CompactVerb implements Callable<Integer> {
    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recording directories (searched recursively) or .avro files, local or any Hadoop URI.")
    List<String> paths;

    @Option(names = "--to", paramLabel = "TABLE", required = true,
            description = "The table: an existing one, or a new or empty directory.")
    String table;

    @Mixin
    MasterOption master;

    @ParentCommand
    FleetCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TableCompactor.Result result = TableCompactor.compact(master.session(parent.sessions), paths, table);
        PrintWriter out = spec.commandLine().getOut();
        out.println("compacted " + result.compacted() + " recording files into " + table + " (" + result.unchanged()
                + " already there)");
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : result.warnings()) {
            err.println("tracekit: warning: " + SafeText.escape(warning));
        }
        err.flush();
        return (result.complete() ? ExitCode.OK : ExitCode.PARTIAL).status();
    }
}
