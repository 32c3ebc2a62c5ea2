package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.KillTally.SignalKey;
import dev.tracekit.analyzer.aggregate.ProcessKey;
import dev.tracekit.analyzer.aggregate.ProcessLives;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.util.List;
import java.util.function.Function;

/** Signals by sender, target and signal: a section of the summary and the table of {@code kills --top}. */
final class SignalTable {
    private SignalTable() {
    }

    /**
     * @param rows  signals with their counts, most frequent first (the first {@code context.limit()} are shown)
     * @param first each sender's first signal, for the {@code --with} columns of the context
     */
    static void write(TableWriter out, ReportContext context, List<Tally.Entry<SignalKey>> rows, String name,
            String title, Function<ProcessKey, ProcessLives.Sighting> first) {
        out.begin(new TableSpec(name, title, context.processColumns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("TPID", "target_pid", ColumnKind.NUMBER),
                new Column("SIG", "signal", ColumnKind.NAMED),
                new Column("FATE", "fate", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT)), false));
        for (Tally.Entry<SignalKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            SignalKey key = e.key();
            out.row(context.processRow(key.sender().recording(), first.apply(key.sender()), (long) key.sender().pid(),
                    key.sender().comm().toArray(), (long) key.targetPid(), Names.signal(key.signal()), Names.signalFate(key.fate()), e.total(), e.failed()));
        }
        out.end(Completeness.notes(context.shown(), r -> Family.KILLS));
    }
}
