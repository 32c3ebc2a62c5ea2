package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.ExitCode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "tracekit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Record syscalls, file opens and signals with eBPF on a Linux host; analyse the recordings anywhere.",
            "",
            "  record    (the recorder's verb: Linux, as root, through bin/tracekit) writes a recording",
            "  fleet     (through bin/tracekit) the aggregate verbs as Apache Spark jobs, for many hosts",
            "",
            "The verbs below read recordings (directories, .avro files, bundles) and need no root."},
        footer = {"", "Exit status: 0 ok, 1 partial result (part of the input was unreadable), 2 bad input."})
final class TracekitCommand implements Callable<Integer> {
    /** The verbs, in the order the help lists them; {@link CommandLineFactory} adds them. */
    static final List<Class<?>> VERBS = List.of(SummaryCommand.class, SyscallsCommand.class, OpensCommand.class,
            KillsCommand.class, ProcsCommand.class, EventsCommand.class, DiffCommand.class, ExportCommand.class,
            ReportCommand.class, TopCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT.status();
    }
}
