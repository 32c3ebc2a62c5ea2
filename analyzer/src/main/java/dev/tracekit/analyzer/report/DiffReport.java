package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.ByteString;
import dev.tracekit.analyzer.aggregate.RecordingDiff;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import java.util.Arrays;
import java.util.List;

/** {@code diff A B}: rate changes per syscall and per process, files and signals seen on one side only. */
public final class DiffReport {
    private final RecordingDiff diff;
    private final int limit;

    public DiffReport(RecordingDiff diff, int limit) {
        this.diff = diff;
        this.limit = limit;
    }

    public void write(TableWriter out) {
        List<RecordingDiff.Change<String>> syscalls = diff.syscalls();
        out.begin(new TableSpec("syscalls", "Syscall rate change (per second, B - A)", List.of(
                new Column("SYSCALL", "syscall_name", ColumnKind.TEXT),
                new Column("A/s", "rate_a", ColumnKind.RATE),
                new Column("B/s", "rate_b", ColumnKind.RATE),
                new Column("CHANGE/s", "change", ColumnKind.RATE),
                new Column("CHANGE", "change_pct", ColumnKind.PERCENT)), false));
        for (RecordingDiff.Change<String> c : syscalls.subList(0, Math.min(limit, syscalls.size()))) {
            out.row(Arrays.asList(c.key(), c.rateA(), c.rateB(), c.delta(), c.percent()));
        }
        out.end(List.of());

        List<RecordingDiff.Change<ByteString>> processes = diff.processes();
        out.begin(new TableSpec("processes", "Process activity change (syscalls + opens + signals per second)", List.of(
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("A/s", "rate_a", ColumnKind.RATE),
                new Column("B/s", "rate_b", ColumnKind.RATE),
                new Column("CHANGE/s", "change", ColumnKind.RATE),
                new Column("CHANGE", "change_pct", ColumnKind.PERCENT)), false));
        for (RecordingDiff.Change<ByteString> c : processes.subList(0, Math.min(limit, processes.size()))) {
            out.row(Arrays.asList(c.key().toArray(), c.rateA(), c.rateB(), c.delta(), c.percent()));
        }
        out.end(List.of());

        List<RecordingDiff.OnlyIn<ByteString>> files = diff.filesOnlyInOne();
        out.begin(new TableSpec("files_only_in_one", "Files opened on one side only", List.of(
                new Column("SIDE", "side", ColumnKind.TEXT),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("PATH", "path", ColumnKind.BYTES)), false));
        for (RecordingDiff.OnlyIn<ByteString> f : files.subList(0, Math.min(limit, files.size()))) {
            out.row(List.of(f.side(), f.count(), f.key().toArray()));
        }
        out.end(List.of());

        List<RecordingDiff.OnlyIn<RecordingDiff.SignalByName>> signals = diff.signalsOnlyInOne();
        out.begin(new TableSpec("signals_only_in_one", "Signals sent on one side only", List.of(
                new Column("SIDE", "side", ColumnKind.TEXT),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("SIG", "signal", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT)), false));
        for (RecordingDiff.OnlyIn<RecordingDiff.SignalByName> s : signals.subList(0, Math.min(limit, signals.size()))) {
            out.row(List.of(s.side(), s.key().senderComm().toArray(), Names.signal(s.key().signal()), s.count()));
        }
        out.end(List.of());
    }
}
