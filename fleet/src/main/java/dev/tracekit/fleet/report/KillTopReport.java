package dev.tracekit.fleet.report;

import dev.tracekit.analyzer.render.TableWriter;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code kills --top}: signals by sender, target and signal, most frequent first. */
public final class KillTopReport implements FleetReport {
    private final Dataset<Row> signals;

    public KillTopReport(Dataset<Row> signals) {
        this.signals = signals;
    }

    @Override
    public Map<String, Dataset<Row>> tables() {
        return Map.of("signals", signals);
    }

    @Override
    public void write(TableWriter out, TableContext context) {
        SignalsTable.write(out, context, signals, "signals", null);
    }
}
