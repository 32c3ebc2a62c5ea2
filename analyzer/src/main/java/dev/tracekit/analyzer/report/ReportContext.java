package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.ProcessLives;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.Timestamp;
import dev.tracekit.schema.EventHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What turning results into rows needs to know about the run: the recordings (to name hosts and convert
 * times), whether a host column is needed, and how many rows a listing may have.
 *
 * @param recordings all recordings of the catalog, by index
 * @param shown      the recordings the {@code --host} filter lets through
 * @param limit      rows per listing
 * @param with       columns a replay, or a top list of processes, adds from the process context ({@code --with}), in
 *                   the order asked; none that the replay shows already
 */
public record ReportContext(List<Recording> recordings, List<Recording> shown, int limit, List<ContextColumn> with) {
    public ReportContext(List<Recording> recordings, List<Recording> shown, int limit) {
        this(recordings, shown, limit, List.of());
    }

    static final Column HOST = new Column("HOST", "host", ColumnKind.TEXT);
    static final Column RECORDING = new Column("RECORDING", "recording_id", ColumnKind.TEXT);

    /** More than one recording is shown, so rows name their host. */
    boolean withHost() {
        return shown.size() > 1;
    }

    /** Two recordings of one host are shown (rotations, runs before and after), so rows name their recording too. */
    boolean withRecording() {
        // Asked once per replayed row: one recording, the usual case, needs no stream.
        return shown.size() > 1 && shown.stream().map(Recording::host).distinct().count() < shown.size();
    }

    Recording recording(int index) {
        return recordings.get(index);
    }

    /** The same run with other {@code --with} columns: for a report whose tables show different process context. */
    ReportContext withColumns(List<ContextColumn> columns) {
        return new ReportContext(recordings, shown, limit, columns);
    }

    /** The columns with HOST put first when several recordings are shown, and RECORDING when a host repeats. */
    List<Column> columns(Column... columns) {
        List<Column> all = new ArrayList<>();
        if (withHost()) {
            all.add(HOST);
        }
        if (withRecording()) {
            all.add(RECORDING);
        }
        all.addAll(List.of(columns));
        return all;
    }

    /** A row's values with the host (and recording) put first, as {@link #columns} has them. */
    List<Object> row(int recording, Object... values) {
        List<Object> row = new ArrayList<>(values.length + 1);
        if (withHost()) {
            row.add(recordings.get(recording).host());
        }
        if (withRecording()) {
            row.add(recordings.get(recording).meta().recordingId());
        }
        row.addAll(Arrays.asList(values));
        return row;
    }

    /**
     * A replay's columns ({@link #columns}) with the {@code --with} columns: CMD, as wide as it comes, last; the others
     * before the replay's own last column (its path, arguments or syscall), so the fixed-width ones stay aligned.
     */
    List<Column> eventColumns(Column... columns) {
        return placed(columns(columns), 1, ContextColumn::column);
    }

    /** A replay's row ({@link #row}) with the {@code --with} values where {@link #eventColumns} put their columns. */
    List<Object> eventRow(Recording recording, EventHeader header, Object... values) {
        return placed(row(recording.index(), values), 1, c -> c.value(recording, header.getPid(), header.getTsNs(), header.getCgroupId()));
    }

    /** A top list's columns ({@link #columns}) when each row is one process: the {@code --with} columns, CMD last. */
    List<Column> processColumns(Column... columns) {
        return placed(columns(columns), 0, ContextColumn::column);
    }

    /**
     * A top list's row ({@link #row}) with the {@code --with} values of its process, as a replay shows them for the
     * row's first event; empty when that is not known.
     */
    List<Object> processRow(int recording, ProcessLives.Sighting first, Object... values) {
        return placed(row(recording, values), 0, c -> first == null ? null
                : c.value(recordings.get(recording), first.pid(), first.tsNs(), first.cgroupId()));
    }

    /** The --with items put before the last {@code wide} cells, but CMD, as wide as it comes, at the end. */
    private <T> List<T> placed(List<T> cells, int wide, Function<ContextColumn, T> item) {
        if (with.isEmpty()) {
            return cells; // every replayed row comes through here
        }
        cells.addAll(cells.size() - wide, with.stream().filter(c -> c != ContextColumn.CMD).map(item).toList());
        if (with.contains(ContextColumn.CMD)) {
            cells.add(item.apply(ContextColumn.CMD));
        }
        return cells;
    }

    static Timestamp time(Recording recording, long bootNs) {
        return new Timestamp(bootNs, recording.wallNs(bootNs), bootNs - recording.startBootNs().orElse(0));
    }

    /** A copy of a reused record's bytes (comm, path), for a row that outlives the record; null stays null. */
    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    /** An optional int field as a NUMBER column's value. */
    static Long number(Integer value) {
        return value == null ? null : (long) value;
    }
}
