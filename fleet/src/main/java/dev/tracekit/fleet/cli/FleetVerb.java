package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.cli.OutputOptions;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every fleet verb shares: inputs, the Spark master, output; the verb supplies its report. */
abstract class FleetVerb implements Callable<Integer> {
    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recording directories (searched recursively) or .avro files, local or any Hadoop URI "
                    + "(hdfs://, s3a://); many hosts and recordings may be mixed.")
    List<String> paths;

    @Mixin
    MasterOption master;

    @Mixin
    OutputOptions output;

    @Option(names = "--parquet", paramLabel = "DIR",
            description = "Write every result table whole (no row limit) as Parquet under DIR/<table> instead of printing.")
    String parquet;

    @ParentCommand
    FleetCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        SparkSession spark = master.session(parent.sessions);
        TracekitFleet fleet = TracekitFleet.open(spark, paths);
        FleetReport report = report(fleet);
        PrintWriter out = spec.commandLine().getOut();
        if (parquet != null) {
            report.tables().forEach((name, table) -> {
                String target = parquet + "/" + name;
                table.write().parquet(target);
                out.println("wrote " + target);
            });
            out.flush();
        } else {
            TableWriter writer = output.writer(out);
            report.write(writer, FleetReports.context(fleet.recordings(), limit()));
            writer.finish();
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : fleet.warnings()) {
            err.println("tracekit: warning: " + SafeText.escape(warning));
        }
        err.flush();
        return (fleet.complete() ? ExitCode.OK : ExitCode.PARTIAL).status();
    }

    /** Rows per listing. */
    int limit() {
        return output.limitOr(10);
    }

    /** The verb's result tables, not yet computed. */
    abstract FleetReport report(TracekitFleet fleet);
}
