package dev.tracekit.fleet.report;

import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What turning result rows into the analyzer's tables needs, as its {@code ReportContext}: the recordings
 * (to name hosts and convert times), whether a host column is needed, how many rows a listing shows, and
 * the notes that say a result is incomplete.
 */
public final class TableContext {
    private static final Column HOST = new Column("HOST", "host", ColumnKind.TEXT);

    private final List<FleetRecording> recordings;
    private final Map<String, FleetRecording> byId = new HashMap<>();
    private final int limit;

    /** @param limit rows per listing */
    public TableContext(List<FleetRecording> recordings, int limit) {
        this.recordings = recordings;
        this.limit = limit;
        recordings.forEach(r -> byId.put(r.meta().recordingId(), r));
    }

    List<FleetRecording> recordings() {
        return recordings;
    }

    int limit() {
        return limit;
    }

    /** The first rows of a listing, as many as it may show. */
    List<Row> top(Dataset<Row> listing) {
        return listing.limit(limit).collectAsList();
    }

    /** The recording a result row belongs to. */
    FleetRecording recording(Row row) {
        return byId.get(row.<String>getAs(RecordingColumns.ID));
    }

    /** More than one recording, so rows name their host. */
    private boolean withHost() {
        return recordings.size() > 1;
    }

    /** The columns with HOST put first when there are several recordings. */
    List<Column> columns(Column... columns) {
        List<Column> all = new ArrayList<>();
        if (withHost()) {
            all.add(HOST);
        }
        all.addAll(List.of(columns));
        return all;
    }

    /** A row's values with the host put first when there are several recordings. */
    List<Object> row(Row source, Object... values) {
        List<Object> row = new ArrayList<>(values.length + 1);
        if (withHost()) {
            row.add(recording(source).host());
        }
        row.addAll(Arrays.asList(values));
        return row;
    }

    /** One note per recording that lost events of the family its figures come from. */
    List<String> lossNotes(Function<FleetRecording, Family> family) {
        List<String> notes = new ArrayList<>();
        for (FleetRecording r : recordings) {
            Family f = family.apply(r);
            long lost = r.facts().lost(f);
            if (lost > 0) {
                notes.add(String.format(Locale.ROOT, "%s lost %,d %s events (%.2f%% complete): figures may be low",
                        r.host(), lost, f.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        r.facts().completenessPercent(f)));
            }
        }
        return notes;
    }
}
