package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.fleet.input.RowToAvro;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The replays: a stream's records the filters let through, in the order of the analyzer's {@code MergedTimeline}:
 * each recording in recorded order (files by number, records as each file holds them), the recordings merged by
 * the wall-clock time of their next records (each recording's clock samples), ties to the recording first in the
 * catalog. The first N records of such a merge are at most the first N of each recording, so with a limit Spark
 * keeps each recording's first N (a top-N per recording, no sort of the rest; more a page at a time where the rows
 * want more records, as kills' pairing may) and the driver merges those few as the analyzer merges; without one,
 * each recording streams to the driver in recorded order ({@code toLocalIterator}, one partition at a time). The
 * rows go to the analyzer's own row writers, in order, as its records.
 */
public final class Replays {
    private static final String RANK = "replay_rank";

    private final FleetCatalog catalog;
    private final EventPredicates filters;
    private final ProcessContext context;
    private List<Recording> recordings;

    public Replays(FleetCatalog catalog, EventPredicates filters, ProcessContext context) {
        this.catalog = catalog;
        this.filters = filters;
        this.context = context;
    }

    /** The opens the filters let through, with their recording's columns: the replay's records, in no order. */
    public Dataset<Row> opens() {
        return context.selectByProcess(catalog.read(RecordingStream.OPENS).where(filters.opens()), col("header.pid"),
                col("header.ts_ns"), col("header.cgroup_id"));
    }

    /** The signals the filters let through, in no order: the sent and the kernel-generated, paired when replayed. */
    public Dataset<Row> kills() {
        Dataset<Row> kills = context.selectByTarget(catalog.read(RecordingStream.KILLS).where(filters.kills()),
                col("target_pid"), col("header.ts_ns"));
        return context.selectByProcess(kills, col("header.pid"), col("header.ts_ns"), col("header.cgroup_id"));
    }

    /** The per-event syscall records the filters let through, in no order. */
    public Dataset<Row> syscallEvents() {
        return context.selectByProcess(catalog.read(RecordingStream.SYSCALL_EVENTS).where(filters.syscallEvents()),
                col("header.pid"), col("header.ts_ns"), col("header.cgroup_id"));
    }

    /**
     * Every recording as the replays' rows ask of it: with each of its intervals (for the losses around a record and
     * the clock samples the merge goes by), read in recorded order; index as in the catalog.
     */
    public synchronized List<Recording> recordings() {
        if (recordings == null) {
            Map<Integer, List<IntervalStats>> intervals = new HashMap<>();
            for (Row row : inRecordedOrder(catalog.read(RecordingStream.INTERVALS)).collectAsList()) {
                intervals.computeIfAbsent(row.getInt(row.fieldIndex(RecordingColumns.INDEX)), i -> new ArrayList<>())
                        .add(RowToAvro.record(row, IntervalStats.getClassSchema()));
            }
            List<Recording> all = new ArrayList<>();
            for (FleetRecording r : catalog.recordings()) {
                all.add(new Recording(r.index(), r.meta(), intervals.getOrDefault(r.index(), List.of()), r.streams()));
            }
            recordings = List.copyOf(all);
        }
        return recordings;
    }

    /**
     * Gives each recording its process timeline (a signal's target as it was at the signal), as the analyzer's kills
     * replay follows the processes before it reads the signals.
     */
    public synchronized void followProcesses() {
        for (Recording recording : recordings()) {
            recording.follow(context.timeline(recording.index()));
        }
    }

    /**
     * Hands {@code records} (of {@code family}'s stream) to the visitor in replay order, until it wants no more.
     *
     * @param limit the most records wanted, or null for all
     */
    public <R extends SpecificRecord> void replay(FamilyDescriptor<R> family, Dataset<Row> records, Integer limit,
            RecordVisitor visitor) {
        List<Recording> all = recordings();
        Map<Integer, Iterator<Row>> byRecording = new HashMap<>();
        if (limit != null) {
            Dataset<Row> ranked = records.withColumn(RANK, row_number().over(
                    Window.partitionBy(col(RecordingColumns.INDEX)).orderBy(position())));
            Map<Integer, List<Row>> firsts = new HashMap<>();
            for (Row row : ranked.where(col(RANK).leq(limit)).orderBy(col(RecordingColumns.INDEX), col(RANK))
                    .collectAsList()) {
                firsts.computeIfAbsent(row.getInt(row.fieldIndex(RecordingColumns.INDEX)), i -> new ArrayList<>()).add(row);
            }
            firsts.forEach((index, rows) -> byRecording.put(index, new Pages(ranked, index, rows, limit)));
        } else {
            for (FleetRecording r : catalog.recordings()) {
                if (catalog.shown(r) && r.has(family.stream())) {
                    byRecording.put(r.index(), records.where(col(RecordingColumns.INDEX).equalTo(r.index()))
                            .orderBy(position()).toLocalIterator());
                }
            }
        }
        merge(family, byRecording, all, visitor);
    }

    private record Head<R>(long wallNs, Recording recording, R record, Iterator<Row> rest) {
    }

    private static <R extends SpecificRecord> void merge(FamilyDescriptor<R> family, Map<Integer, Iterator<Row>> rows,
            List<Recording> recordings, RecordVisitor visitor) {
        PriorityQueue<Head<R>> heads = new PriorityQueue<>(Comparator.comparingLong((Head<R> h) -> h.wallNs())
                .thenComparingInt(h -> h.recording().index()));
        rows.forEach((index, rest) -> next(family, recordings.get(index), rest, heads));
        while (!heads.isEmpty() && visitor.wantsMore()) {
            Head<R> head = heads.poll();
            visitor.record(head.recording(), family, head.record());
            if (visitor.wantsMore()) { // a recording's next page is fetched only for a row still wanted
                next(family, head.recording(), head.rest(), heads);
            }
        }
    }

    private static <R extends SpecificRecord> void next(FamilyDescriptor<R> family, Recording recording,
            Iterator<Row> rest, PriorityQueue<Head<R>> heads) {
        if (rest.hasNext()) {
            R record = RowToAvro.record(rest.next(), family.stream().schema());
            heads.add(new Head<>(recording.sampledWallNs(family.timeNs(record)), recording, record, rest));
        }
    }

    /**
     * One recording's records in recorded order, its first ones known; the next come from Spark a page at a time
     * (each twice the one before) should the replay want more than the limit of records: in kills a send and the
     * kernel's records of it make one row.
     */
    private static final class Pages implements Iterator<Row> {
        private final Dataset<Row> ranked;
        private final int index;
        private Iterator<Row> page;
        private long fetched;
        private boolean more;

        Pages(Dataset<Row> ranked, int index, List<Row> first, int limit) {
            this.ranked = ranked;
            this.index = index;
            this.page = first.iterator();
            this.fetched = first.size();
            this.more = first.size() == limit;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && more) {
                List<Row> next = ranked.where(col(RecordingColumns.INDEX).equalTo(index)
                        .and(col(RANK).gt(fetched)).and(col(RANK).leq(fetched * 2))).orderBy(col(RANK)).collectAsList();
                more = next.size() == fetched;
                fetched += next.size();
                page = next.iterator();
            }
            return page.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }

    /** A record's place in its recording: its file's number in the stream, then its place in the file. */
    private static Column[] position() {
        return new Column[] {col(FleetCatalog.FILE_SEQ), col(FleetCatalog.RECORD_ORDER + ".block_start"),
            col(FleetCatalog.RECORD_ORDER + ".row")};
    }

    private static Dataset<Row> inRecordedOrder(Dataset<Row> rows) {
        Column[] order = new Column[4];
        order[0] = col(RecordingColumns.INDEX);
        System.arraycopy(position(), 0, order, 1, 3);
        return rows.orderBy(order);
    }
}
