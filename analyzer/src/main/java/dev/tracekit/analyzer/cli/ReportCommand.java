package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.ReportAggregate;
import dev.tracekit.analyzer.aggregate.SyscallRateSeries;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.render.html.HtmlReport;
import dev.tracekit.analyzer.report.HtmlReportContent;
import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "One self-contained HTML page (no network, no scripts): the summary's tables with charts of "
                + "the syscall rate over time, top syscalls and processes, opens, failed opens and signals; "
                + "windows with lost events are marked.")
final class ReportCommand implements Callable<Integer> {
    /** Windows on the rate chart per recording: fine enough to see a burst, coarse enough to stay readable. */
    private static final int RATE_WINDOWS = 120;

    @Mixin
    InputOptions input;

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "Write the report to this file.")
    Path html;

    @Option(names = "--force", description = "Overwrite the file if it exists (otherwise it is kept and the run refused).")
    boolean force;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Rows per table and bars per chart. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkWritable();
        AnalysisSession session = AnalysisSession.open(input, filterOptions.toSpec());
        SyscallSource source = SyscallSource.choose(session.recordings(), session.filters());
        long windowNs = SyscallRateSeries.windowFor(session.recordings(), RATE_WINDOWS);
        Set<RecordingStream> streams = EnumSet.of(RecordingStream.OPENS, RecordingStream.KILLS, RecordingStream.PROCS);
        streams.addAll(source.streams());
        session.followProcesses(); // top commands and services
        List<ReportAggregate> parts = session.aggregate(streams, () -> new ReportAggregate(source, windowNs));
        ReportAggregate aggregate = parts.getFirst();
        parts.subList(1, parts.size()).forEach(aggregate::merge);
        write(HtmlReportContent.of(session.context(limit), aggregate, source, session.recordsRead()));
        return session.finish(spec.commandLine().getErr());
    }

    /** Fails before the inputs are read, not after, when the report could not be saved. */
    private void checkWritable() {
        Path parent = html.toAbsolutePath().getParent();
        if (Files.isDirectory(html)) {
            throw TracekitException.badInput("--html " + html + ": is a directory");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw TracekitException.badInput("--html " + html + ": no such directory " + parent);
        }
        OutputFile.checkNew(html, force);
    }

    private void write(HtmlReport report) {
        try (PrintWriter out = new PrintWriter(OutputFile.open(html, force))) {
            report.write(out);
            // PrintWriter keeps write errors (a full disk) to itself; ask, or a cut-off page would pass as done.
            if (out.checkError()) {
                throw TracekitException.badInput("--html " + html + ": write failed");
            }
        } catch (AccessDeniedException e) {
            throw TracekitException.badInput("--html " + html + ": permission denied");
        } catch (IOException e) {
            // NIO messages often hold only the path; the exception's type says what went wrong.
            throw TracekitException.badInput("--html " + html + ": cannot write (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
