package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.KillTally;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.util.List;

/** Signals by sender, target and signal: a section of the summary and the table of {@code kills --top}. */
final class SignalTable {
    private SignalTable() {
    }

    static void write(TableWriter out, ReportContext context, KillTally kills, String name, String title) {
        out.begin(new TableSpec(name, title, context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("TPID", "target_pid", ColumnKind.NUMBER),
                new Column("SIG", "signal", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT)), false));
        List<Tally.Entry<KillTally.SignalKey>> rows = kills.signals().top(false);
        for (Tally.Entry<KillTally.SignalKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            KillTally.SignalKey key = e.key();
            out.row(context.row(key.sender().recording(), (long) key.sender().pid(), key.sender().comm().toArray(),
                    (long) key.targetPid(), Names.signal(key.signal()), e.total(), e.failed()));
        }
        out.end(Completeness.notes(context.shown(), r -> Family.KILLS));
    }
}
