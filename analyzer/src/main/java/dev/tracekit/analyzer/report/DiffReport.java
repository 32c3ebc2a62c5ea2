package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.ByteString;
import dev.tracekit.analyzer.aggregate.RecordingDiff;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.names.Errnos;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code diff A B}: what failed more or less (per file and per syscall, with errnos on each side), rate
 * changes per syscall and per process, files and signals seen on one side only.
 */
public final class DiffReport {
    private final RecordingDiff diff;
    private final int limit;

    public DiffReport(RecordingDiff diff, int limit) {
        this.diff = diff;
        this.limit = limit;
    }

    public void write(TableWriter out) {
        List<RecordingDiff.FailureChange<ByteString>> failedOpens = diff.failedOpens();
        out.begin(new TableSpec("failed_opens", "Failed opens change (failures per second, B - A)",
                failureColumns("OPENS", "opens", new Column("PATH", "path", ColumnKind.BYTES)), false));
        for (RecordingDiff.FailureChange<ByteString> c : failedOpens.subList(0, Math.min(limit, failedOpens.size()))) {
            out.row(failureRow(c, c.key().toArray()));
        }
        out.end(List.of());

        List<RecordingDiff.FailureChange<String>> failedSyscalls = diff.failedSyscalls();
        out.begin(new TableSpec("failed_syscalls", "Syscall failure change (failures per second, B - A)",
                failureColumns("CALLS", "calls", new Column("SYSCALL", "syscall_name", ColumnKind.TEXT)), false));
        for (RecordingDiff.FailureChange<String> c : failedSyscalls.subList(0, Math.min(limit, failedSyscalls.size()))) {
            out.row(failureRow(c, c.key()));
        }
        out.end(failedSyscalls.isEmpty() ? List.of() : List.of(
                "ERRNOS come from per-event records (--events syscall-events); in-kernel counts carry none"));

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

        rates(out, "commands", "Command activity change (syscalls + opens + signals per second)",
                new Column("COMMAND", "cmdline", ColumnKind.BYTES), diff.commands(), ByteString::toArray);
        rates(out, "services", "Service activity change (syscalls + opens + signals per second)",
                new Column("SERVICE", "service", ColumnKind.TEXT), diff.services(), name -> name);

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

    /** A rate-change table; left out when neither side knows such names (recordings without a process context). */
    private <K> void rates(TableWriter out, String name, String title, Column what, List<RecordingDiff.Change<K>> changes,
            Function<K, Object> value) {
        if (changes.isEmpty()) {
            return;
        }
        out.begin(new TableSpec(name, title, List.of(what,
                new Column("A/s", "rate_a", ColumnKind.RATE),
                new Column("B/s", "rate_b", ColumnKind.RATE),
                new Column("CHANGE/s", "change", ColumnKind.RATE),
                new Column("CHANGE", "change_pct", ColumnKind.PERCENT)), false));
        for (RecordingDiff.Change<K> c : changes.subList(0, Math.min(limit, changes.size()))) {
            out.row(Arrays.asList(value.apply(c.key()), c.rateA(), c.rateB(), c.delta(), c.percent()));
        }
        out.end(List.of());
    }

    private static List<Column> failureColumns(String calls, String callsKey, Column what) {
        return List.of(
                new Column(calls + "-A", callsKey + "_a", ColumnKind.COUNT),
                new Column("FAILED-A", "failed_a", ColumnKind.COUNT),
                new Column("ERRNOS-A", "errnos_a", ColumnKind.TEXT),
                new Column(calls + "-B", callsKey + "_b", ColumnKind.COUNT),
                new Column("FAILED-B", "failed_b", ColumnKind.COUNT),
                new Column("ERRNOS-B", "errnos_b", ColumnKind.TEXT),
                new Column("CHANGE/s", "change", ColumnKind.RATE),
                what);
    }

    private static List<Object> failureRow(RecordingDiff.FailureChange<?> c, Object what) {
        return Arrays.asList(c.a().calls(), c.a().failed(), errnos(c.a()), c.b().calls(), c.b().failed(), errnos(c.b()),
                c.delta(), what);
    }

    /** {@code ENOENT 3, EACCES 1}: most frequent first. */
    private static String errnos(RecordingDiff.Failures failures) {
        return failures.byErrno().entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> Errnos.name(e.getKey()) + " " + DisplayText.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
