package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.KillTally;
import dev.tracekit.analyzer.aggregate.KillTally.SignalKey;
import dev.tracekit.analyzer.aggregate.ProcessKey;
import dev.tracekit.analyzer.aggregate.ProcessLives;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.TableWriter;
import java.util.List;
import java.util.function.Function;

/** {@code kills --top}: signals by sender, target and signal, most frequent first. */
public final class KillTopReport {
    private final ReportContext context;
    private final List<Tally.Entry<SignalKey>> signals;
    private final Function<ProcessKey, ProcessLives.Sighting> first;

    /** With the context's {@code --with} columns of each sender, when the tally has one sender per process. */
    public KillTopReport(ReportContext context, KillTally tally) {
        this(context, tally.signals().top(false), tally.lives()::firstOf);
    }

    /** @param signals counted signals, most frequent first, as {@code KillTally} or a fleet's job gives them */
    public KillTopReport(ReportContext context, List<Tally.Entry<SignalKey>> signals) {
        this(context, signals, sender -> null);
    }

    private KillTopReport(ReportContext context, List<Tally.Entry<SignalKey>> signals,
            Function<ProcessKey, ProcessLives.Sighting> first) {
        this.context = context;
        this.signals = signals;
        this.first = first;
    }

    public void write(TableWriter out) {
        SignalTable.write(out, context, signals, "signals", null, first);
    }
}
