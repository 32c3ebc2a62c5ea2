package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.cli.EmptyResultHints;
import dev.tracekit.analyzer.cli.FilterOptions;
import dev.tracekit.analyzer.cli.OutputOptions;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.EmptyTableNotes;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.fleet.TracekitFleet;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.fleet.report.FleetReport;
import dev.tracekit.fleet.report.FleetReports;
import dev.tracekit.schema.Family;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every fleet verb shares: inputs, the Spark master, the analyzer's filters, output; the verb supplies its report. */
abstract class FleetVerb implements Callable<Integer> {
    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recording directories (searched recursively) or .avro files, local or any Hadoop URI "
                    + "(hdfs://, s3a://); many hosts and recordings may be mixed.")
    List<String> paths;

    @Mixin
    MasterOption master;

    @Mixin
    FilterOptions filterOptions;

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
        FilterSpec filters = filterOptions.toSpec(); // a bad value is refused before Spark starts
        SparkSession spark = master.session(parent.sessions);
        TracekitFleet fleet = TracekitFleet.open(spark, filters, paths);
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
            TableWriter writer = EmptyTableNotes.wrap(output.writer(out), emptyResultHints(fleet));
            report.write(writer, FleetReports.context(fleet.recordings(), fleet.shown(), limit()));
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

    /** What to say under a table that comes out empty, as the analyzer's verb says it; verbs of one family say more. */
    List<String> emptyResultHints(TracekitFleet fleet) {
        return EmptyResultHints.hosts(fleet.filters(), recordings(fleet.recordings()));
    }

    /** The hints for a verb whose rows come from one family per recording, from the facts the headers gave. */
    static List<String> emptyResultHints(TracekitFleet fleet, Function<Recording, Family> family) {
        return EmptyResultHints.of(fleet.filters(), recordings(fleet.recordings()), recordings(fleet.shown()), family);
    }

    private static List<Recording> recordings(List<FleetRecording> recordings) {
        return recordings.stream().map(FleetRecording::recording).toList();
    }
}
