package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallRow;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.SyscallStats;
import dev.tracekit.analyzer.aggregate.SyscallTally;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.List;

/**
 * syscount's tables after the fact: top rows by count, errors or latency; per time window with
 * {@code --interval}; log2 latency histograms with {@code --histogram}. Every row says how many events of its
 * source were lost in the time it covers.
 */
public final class SyscallsReport {
    /**
     * @param windowNs  width of the time windows, 0 for totals over each recording
     * @param latency   show latency columns (syscount -L)
     * @param histogram show latency histograms of the top rows instead of the figures
     */
    public record Shape(SyscallGrouping grouping, SyscallOrder order, long windowNs, boolean latency, boolean histogram) {
    }

    private static final int BAR_WIDTH = 40;

    /**
     * The figures to show, counted from events ({@link #of(SyscallTally, SyscallSource, Shape)}) or given
     * pre-counted (a fleet's Spark jobs).
     */
    public interface Results {
        /** Rows in the shape's grouping and order: at least the top rows, or each window's top rows. */
        List<SyscallRow> rows();

        /** The family a recording's syscall figures come from. */
        Family family(Recording recording);

        /** Events of the recording's syscall family lost in the intervals that overlap [fromNs, toNs). */
        long lostBetween(Recording recording, long fromNs, long toNs);

        /** True when some row's latency was not recorded. */
        boolean latencyMissing();

        /** The figures of one pass over the events. */
        static Results of(SyscallTally tally, SyscallSource source, Shape shape) {
            List<SyscallRow> rows = tally.rows(shape.grouping(), shape.order());
            return new Results() {
                @Override
                public List<SyscallRow> rows() {
                    return rows;
                }

                @Override
                public Family family(Recording r) {
                    return source.family(r);
                }

                @Override
                public long lostBetween(Recording r, long fromNs, long toNs) {
                    return r.losses().lostBetween(source.family(r), fromNs, toNs);
                }

                @Override
                public boolean latencyMissing() {
                    return rows.stream().anyMatch(row -> row.stats().latencyTotalNs() == null);
                }
            };
        }
    }

    private final ReportContext context;
    private final Results results;
    private final Shape shape;

    public SyscallsReport(ReportContext context, SyscallTally tally, SyscallSource source, Shape shape) {
        this(context, Results.of(tally, source, shape), shape);
    }

    public SyscallsReport(ReportContext context, Results results, Shape shape) {
        this.context = context;
        this.results = results;
        this.shape = shape;
    }

    public void write(TableWriter out) {
        if (shape.histogram()) {
            histograms(out);
        } else {
            figures(out);
        }
    }

    private List<Column> keyColumns() {
        List<Column> columns = new ArrayList<>();
        if (shape.grouping().byProcess()) {
            columns.add(new Column("PID", "pid", ColumnKind.NUMBER));
            columns.add(new Column("COMM", "comm", ColumnKind.BYTES));
        }
        if (shape.grouping().bySyscall()) {
            columns.add(new Column("SYSCALL", "syscall", ColumnKind.NAMED));
        }
        return columns;
    }

    private List<Object> keyValues(SyscallRow row) {
        List<Object> values = new ArrayList<>();
        if (shape.grouping().byProcess()) {
            values.add((long) row.pid());
            values.add(row.comm().toArray());
        }
        if (shape.grouping().bySyscall()) {
            values.add(Names.syscall(context.recording(row.recording()), row.syscall()));
        }
        return values;
    }

    private void figures(TableWriter out) {
        List<Column> columns = new ArrayList<>();
        boolean windows = shape.windowNs() > 0;
        if (windows) {
            columns.add(new Column("TIME", "window_start_ns", ColumnKind.TIME));
        }
        columns.addAll(keyColumns());
        columns.add(new Column("COUNT", "count", ColumnKind.COUNT));
        columns.add(new Column("ERRORS", "errors", ColumnKind.COUNT));
        if (windows) {
            columns.add(new Column("RATE/s", "rate_per_s", ColumnKind.COUNT));
        }
        if (shape.latency()) {
            columns.add(new Column("TOTAL_LAT", "latency_total_ns", ColumnKind.DURATION));
            columns.add(new Column("AVG_LAT", "latency_avg_ns", ColumnKind.DURATION));
        }
        columns.add(new Column("LOST", "lost", ColumnKind.COUNT));
        out.begin(new TableSpec("syscalls", null, context.columns(columns.toArray(Column[]::new)), false));
        for (SyscallRow row : windows ? perWindow() : top(results.rows())) {
            Recording r = context.recording(row.recording());
            SyscallStats s = row.stats();
            List<Object> values = new ArrayList<>();
            long windowStart = r.startBootNs().orElse(0) + row.bucket() * shape.windowNs();
            if (windows) {
                values.add(ReportContext.time(r, windowStart));
            }
            values.addAll(keyValues(row));
            values.add(s.count());
            values.add(s.errors());
            if (windows) {
                values.add(Math.round(s.count() * 1e9 / shape.windowNs()));
            }
            if (shape.latency()) {
                Long total = s.latencyTotalNs();
                values.add(total);
                values.add(total == null || s.count() == 0 ? null : total / s.count());
            }
            values.add(windows ? results.lostBetween(r, windowStart, windowStart + shape.windowNs())
                    : r.losses().lost(results.family(r)));
            out.row(context.row(row.recording(), values.toArray()));
        }
        List<String> notes = new ArrayList<>(Completeness.notes(context.shown(), results::family));
        if (shape.latency() && results.latencyMissing()) {
            notes.add("latency shows '-' where it was not recorded (record with --latency)");
        }
        out.end(notes);
    }

    private List<SyscallRow> top(List<SyscallRow> rows) {
        return rows.subList(0, Math.min(context.limit(), rows.size()));
    }

    /** The top rows of each window, windows in time order. */
    private List<SyscallRow> perWindow() {
        List<SyscallRow> rows = new ArrayList<>(results.rows());
        rows.sort(java.util.Comparator.comparingInt(SyscallRow::recording).thenComparingLong(SyscallRow::bucket));
        List<SyscallRow> kept = new ArrayList<>();
        int inWindow = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean newWindow = i == 0 || rows.get(i).bucket() != rows.get(i - 1).bucket()
                    || rows.get(i).recording() != rows.get(i - 1).recording();
            inWindow = newWindow ? 1 : inWindow + 1;
            if (inWindow <= context.limit()) {
                kept.add(rows.get(i));
            }
        }
        return kept;
    }

    private void histograms(TableWriter out) {
        List<Column> columns = new ArrayList<>(keyColumns());
        columns.add(new Column("FROM", "latency_from_ns", ColumnKind.COUNT));
        columns.add(new Column("TO", "latency_to_ns", ColumnKind.COUNT));
        columns.add(new Column("COUNT", "count", ColumnKind.COUNT));
        columns.add(new Column("DISTRIBUTION", "distribution", ColumnKind.TEXT));
        out.begin(new TableSpec("latency_histogram", null, context.columns(columns.toArray(Column[]::new)), false));
        List<String> notes = new ArrayList<>();
        for (SyscallRow row : top(results.rows())) {
            long[] histogram = row.stats().histogram();
            if (histogram == null) {
                continue;
            }
            int first = 0;
            int last = histogram.length - 1;
            while (first < last && histogram[first] == 0) {
                first++;
            }
            while (last > first && histogram[last] == 0) {
                last--;
            }
            long max = 1;
            for (long n : histogram) {
                max = Math.max(max, n);
            }
            for (int slot = first; slot <= last; slot++) {
                List<Object> values = new ArrayList<>(keyValues(row));
                values.add(slot == 0 ? 0L : 1L << slot);
                values.add((1L << (slot + 1)) - 1);
                values.add(histogram[slot]);
                values.add("*".repeat((int) (histogram[slot] * BAR_WIDTH / max)));
                out.row(context.row(row.recording(), values.toArray()));
            }
        }
        if (results.rows().stream().anyMatch(row -> row.stats().histogram() == null)) {
            notes.add("no latency histogram where none was recorded (record with --latency)");
        }
        notes.addAll(Completeness.notes(context.shown(), results::family));
        out.end(notes);
    }
}
