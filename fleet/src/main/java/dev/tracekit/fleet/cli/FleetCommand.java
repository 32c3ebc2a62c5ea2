package dev.tracekit.fleet.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.cli.VersionProvider;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "tracekit fleet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "The analyzer's aggregate analyses and replays as Spark jobs over recordings of many hosts: local directories,",
            "HDFS or S3 (any Hadoop path). Hosts and recordings are told apart by the files' headers.",
            "Every verb takes the analyzer's filters (--pid, --comm, --since, --host, --errno, --path, --unit, ...)",
            "with their meaning per family, and says under an empty table why it is empty.",
            "",
            "Local mode by default; under spark-submit on the cluster's master (docs/fleet.md)."},
        subcommands = {SummaryVerb.class, SyscallsVerb.class, OpensVerb.class, KillsVerb.class, EventsVerb.class, CompactVerb.class},
        footer = {"", "Exit status: 0 ok, 1 partial result (part of the input was unreadable), 2 bad input."})
final class FleetCommand implements Callable<Integer> {
    /** Makes the session from {@code --master} (null when not given); tests hand in one shared session. */
    final Function<String, SparkSession> sessions;

    @Spec
    CommandSpec spec;

    FleetCommand(Function<String, SparkSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT.status();
    }
}
