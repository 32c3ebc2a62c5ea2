package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.KillTally;
import dev.tracekit.analyzer.render.TableWriter;

/** {@code kills --top}: signals by sender, target and signal, most frequent first. */
public final class KillTopReport {
    private final ReportContext context;
    private final KillTally tally;

    public KillTopReport(ReportContext context, KillTally tally) {
        this.context = context;
        this.tally = tally;
    }

    public void write(TableWriter out) {
        SignalTable.write(out, context, tally, "signals", null);
    }
}
