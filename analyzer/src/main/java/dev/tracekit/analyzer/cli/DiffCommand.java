package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.aggregate.RecordingDiff;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.DiffReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What changed between two recordings (before/after a deploy): syscall and process rates, "
                + "files opened and signals sent on one side only, largest changes first. "
                + "Processes compare by name, as pids differ between runs.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The recording before (directory, .avro file or bundle).")
    Path before;

    @Parameters(index = "1", paramLabel = "B", description = "The recording after.")
    Path after;

    @Mixin
    ThreadOptions threads;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FilterSpec filters = filterOptions.toSpec();
        AnalysisSession a = AnalysisSession.open(List.of(before), threads.count(), filters);
        AnalysisSession b = AnalysisSession.open(List.of(after), threads.count(), filters);
        RecordingDiff diff = new RecordingDiff(side(a), side(b));
        PrintWriter out = spec.commandLine().getOut();
        TableWriter writer = output.writer(out);
        new DiffReport(diff, output.limitOr(10)).write(writer);
        writer.finish();
        PrintWriter err = spec.commandLine().getErr();
        return Math.max(a.finish(err), b.finish(err));
    }

    private static RecordingDiff.Side side(AnalysisSession session) {
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters());
        return new RecordingDiff.Side(session.recordings(), session.summary(source));
    }
}
