package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.render.TableWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every analysis verb shares: inputs, filters, output format; the verb supplies what to compute. */
abstract class VerbCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        AnalysisSession session = AnalysisSession.open(input, filterOptions.toSpec());
        PrintWriter out = spec.commandLine().getOut();
        TableWriter writer = output.writer(out);
        run(session, writer);
        writer.finish();
        return session.finish(spec.commandLine().getErr());
    }

    /** Reads, aggregates and hands the rows to the writer. */
    abstract void run(AnalysisSession session, TableWriter writer);
}
