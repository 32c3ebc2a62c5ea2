package dev.tracekit.fleet.report;

import dev.tracekit.analyzer.aggregate.ByteString;
import dev.tracekit.analyzer.aggregate.ContextTally;
import dev.tracekit.analyzer.aggregate.KillTally.SignalKey;
import dev.tracekit.analyzer.aggregate.OpenTally.ErrnoKey;
import dev.tracekit.analyzer.aggregate.OpenTally.FileKey;
import dev.tracekit.analyzer.aggregate.ProcessActivity;
import dev.tracekit.analyzer.aggregate.ProcessKey;
import dev.tracekit.analyzer.aggregate.SyscallRow;
import dev.tracekit.analyzer.aggregate.SyscallStats;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Result rows of the Spark jobs as the analyzer's result types (the keys and counts its aggregations give),
 * so the analyzer's reports lay them out. Rows find their recording by id.
 */
final class ResultRows {
    private final Map<String, Integer> indexById = new HashMap<>();

    ResultRows(List<Recording> recordings) {
        recordings.forEach(r -> indexById.put(r.meta().recordingId(), r.index()));
    }

    int recording(Row row) {
        return indexById.get(row.<String>getAs(RecordingColumns.ID));
    }

    Tally.Entry<FileKey> file(Row row) {
        return new Tally.Entry<>(new FileKey(recording(row), bytes(row, "path")), number(row, "opens"),
                number(row, "failed"));
    }

    Tally.Entry<ProcessKey> openingProcess(Row row) {
        return new Tally.Entry<>(process(row), number(row, "opens"), number(row, "failed"));
    }

    Tally.Entry<ErrnoKey> failedOpen(Row row) {
        return new Tally.Entry<>(new ErrnoKey(recording(row), (int) number(row, "errno")), number(row, "count"), 0);
    }

    Tally.Entry<SignalKey> signal(Row row) {
        return new Tally.Entry<>(new SignalKey(process(row), (int) number(row, "target_pid"),
                (int) number(row, "signal"), (int) number(row, "fate")), number(row, "count"), number(row, "failed"));
    }

    ContextTally.Activity<ByteString> command(Row row) {
        return context(row, bytes(row, "cmdline"));
    }

    ContextTally.Activity<String> service(Row row) {
        return context(row, row.<String>getAs("service"));
    }

    private <K extends Comparable<K>> ContextTally.Activity<K> context(Row row, K name) {
        return new ContextTally.Activity<>(new ContextTally.Key<>(recording(row), name), number(row, "processes"),
                number(row, "syscalls"), number(row, "opens"), number(row, "signals_sent"));
    }

    ProcessActivity activity(Row row) {
        return new ProcessActivity(process(row), number(row, "syscalls"), number(row, "opens"),
                number(row, "signals_sent"));
    }

    /**
     * @param startNs  the recording's start, windows count from it
     * @param windowNs width of the windows, 0 for totals
     */
    SyscallRow syscall(Row row, long startNs, long windowNs) {
        boolean byProcess = has(row, "pid");
        boolean bySyscall = has(row, "syscall");
        long bucket = windowNs == 0 ? 0 : (row.<Long>getAs("window_start_ns") - startNs) / windowNs;
        return new SyscallRow(recording(row), byProcess ? (int) number(row, "pid") : -1,
                byProcess ? bytes(row, "comm") : null, bySyscall ? (int) number(row, "syscall") : -1, bucket,
                SyscallStats.of(number(row, "count"), number(row, "errors"), row.<Long>getAs("latency_total_ns")));
    }

    private ProcessKey process(Row row) {
        return new ProcessKey(recording(row), (int) number(row, "pid"), bytes(row, "comm"));
    }

    private static boolean has(Row row, String field) {
        return List.of(row.schema().fieldNames()).contains(field);
    }

    private static long number(Row row, String field) {
        return row.<Number>getAs(field).longValue();
    }

    private static ByteString bytes(Row row, String field) {
        byte[] bytes = row.getAs(field);
        return bytes == null ? null : ByteString.of(bytes);
    }
}
