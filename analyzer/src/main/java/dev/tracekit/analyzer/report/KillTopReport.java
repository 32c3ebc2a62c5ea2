package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.KillTally;
import dev.tracekit.analyzer.aggregate.KillTally.SignalKey;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.TableWriter;
import java.util.List;

/** {@code kills --top}: signals by sender, target and signal, most frequent first. */
public final class KillTopReport {
    private final ReportContext context;
    private final List<Tally.Entry<SignalKey>> signals;

    public KillTopReport(ReportContext context, KillTally tally) {
        this(context, tally.signals().top(false));
    }

    /** @param signals counted signals, most frequent first, as {@code KillTally} or a fleet's job gives them */
    public KillTopReport(ReportContext context, List<Tally.Entry<SignalKey>> signals) {
        this.context = context;
        this.signals = signals;
    }

    public void write(TableWriter out) {
        SignalTable.write(out, context, signals, "signals", null);
    }
}
