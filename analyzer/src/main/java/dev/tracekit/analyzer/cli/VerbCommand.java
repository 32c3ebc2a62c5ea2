package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.EmptyTableNotes;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
        AnalysisSession session = AnalysisSession.open(input, filterOptions.toSpec(), follows());
        PrintWriter out = spec.commandLine().getOut();
        TableWriter writer = EmptyTableNotes.wrap(output.writer(out), emptyResultHints(session));
        run(session, writer);
        writer.finish();
        return session.finish(spec.commandLine().getErr());
    }

    /** True with {@code --follow}: what the recording holds so far is not judged as a finished recording. */
    boolean follows() {
        return false;
    }

    /** Reads, aggregates and hands the rows to the writer. */
    abstract void run(AnalysisSession session, TableWriter writer);

    /** What to say under a table that comes out empty; verbs that read one family say more. */
    List<String> emptyResultHints(AnalysisSession session) {
        return EmptyResultHints.hosts(session.filters(), session.allRecordings());
    }

    /** The hints for a verb whose rows come from one family per recording. */
    static List<String> emptyResultHints(AnalysisSession session, Function<Recording, Family> family) {
        return EmptyResultHints.of(session.filters(), session.allRecordings(), session.recordings(), family);
    }
}
