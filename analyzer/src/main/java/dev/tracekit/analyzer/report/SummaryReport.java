package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.OpenTally;
import dev.tracekit.analyzer.aggregate.ProcessActivity;
import dev.tracekit.analyzer.aggregate.SummaryAggregate;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.aggregate.SyscallRow;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.aggregate.Tally;
import dev.tracekit.analyzer.input.Losses;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The summary's sections, in the order people read them: what was recorded, how complete, then the tops. */
public final class SummaryReport {
    private final ReportContext context;
    private final List<Recording> shown;
    private final SummaryAggregate summary;
    private final SyscallSource source;

    public SummaryReport(ReportContext context, SummaryAggregate summary, SyscallSource source) {
        this.context = context;
        this.shown = context.shown();
        this.summary = summary;
        this.source = source;
    }

    public void write(TableWriter out) {
        recordings(out);
        families(out);
        topSyscalls(out);
        topProcesses(out);
        topFiles(out);
        failedOpens(out);
        signals(out);
    }

    private void begin(TableWriter out, String name, String title, List<Column> columns) {
        out.begin(new TableSpec(name, title, columns, false));
    }

    private void recordings(TableWriter out) {
        begin(out, "recordings", "Recordings", List.of(
                new Column("HOST", "host", ColumnKind.TEXT),
                new Column("KERNEL", "kernel_release", ColumnKind.TEXT),
                new Column("ARCH", "arch", ColumnKind.TEXT),
                new Column("START", "start_ns", ColumnKind.TIME),
                new Column("END", "end_ns", ColumnKind.TIME),
                new Column("RECORDING", "recording_id", ColumnKind.TEXT)));
        List<String> notes = new ArrayList<>();
        for (Recording r : shown) {
            OptionalLong start = r.startBootNs().isPresent() ? r.startBootNs() : summary.span().first(r);
            OptionalLong end = r.endBootNs().isPresent() ? r.endBootNs() : summary.span().last(r);
            if (r.startBootNs().isEmpty()) {
                notes.add(r.host() + " has no interval statistics (did the recorder stop early?): its span is that "
                        + "of the events read, and losses are unknown");
            }
            out.row(Arrays.asList(r.host(), r.meta().kernelRelease(), r.meta().arch(),
                    start.isPresent() ? ReportContext.time(r, start.getAsLong()) : null,
                    end.isPresent() ? ReportContext.time(r, end.getAsLong()) : null,
                    r.meta().recordingId()));
        }
        out.end(notes);
    }

    /**
     * RECORDED and LOST come from the recorder's interval statistics; MATCHED is what this run read and let
     * through the filters ('-' for the syscall family not read because the other one answers for it).
     */
    private void families(TableWriter out) {
        begin(out, "families", "Events per family", List.of(
                new Column("HOST", "host", ColumnKind.TEXT),
                new Column("FAMILY", "family", ColumnKind.TEXT),
                new Column("RECORDED", "recorded", ColumnKind.COUNT),
                new Column("LOST", "lost", ColumnKind.COUNT),
                new Column("COMPLETE", "completeness_pct", ColumnKind.PERCENT),
                new Column("MATCHED", "matched", ColumnKind.COUNT)));
        List<String> notes = new ArrayList<>();
        for (Recording r : shown) {
            Losses losses = r.losses();
            for (Family family : Family.values()) {
                if (!r.has(RecordingStream.of(family))) {
                    continue;
                }
                long lost = losses.lost(family);
                boolean read = family != Family.SYSCALL_COUNTS && family != Family.SYSCALL_EVENTS
                        || source.family(r) == family;
                out.row(Arrays.asList(r.host(), family.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        losses.written(family), lost, Completeness.percent(losses.written(family), lost),
                        read ? summary.families().records(r, family) : null));
            }
            if (losses.countOverflows() > 0) {
                notes.add(r.host() + ": " + String.format(Locale.ROOT, "%,d", losses.countOverflows())
                        + " syscalls not counted because the in-kernel count map was full");
            }
        }
        out.end(notes);
    }

    private void topSyscalls(TableWriter out) {
        begin(out, "top_syscalls", "Top syscalls", context.columns(
                new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT),
                new Column("ERRORS", "errors", ColumnKind.COUNT)));
        List<SyscallRow> rows = summary.syscalls().rows(SyscallGrouping.SYSCALL, SyscallOrder.COUNT);
        for (SyscallRow row : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            Recording r = context.recording(row.recording());
            out.row(context.row(row.recording(), Names.syscall(r, row.syscall()), row.stats().count(),
                    row.stats().errors()));
        }
        out.end(Completeness.notes(shown, source::family));
    }

    private void topProcesses(TableWriter out) {
        begin(out, "top_processes", "Top processes", context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("SYSCALLS", "syscalls", ColumnKind.COUNT),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("SIGNALS", "signals_sent", ColumnKind.COUNT)));
        List<ProcessActivity> rows = summary.topProcesses();
        for (ProcessActivity p : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(p.process().recording(), (long) p.process().pid(), p.process().comm().toArray(),
                    p.syscalls(), p.opens(), p.signalsSent()));
        }
        out.end(List.of());
    }

    private void topFiles(TableWriter out) {
        begin(out, "top_files", "Top opened files", context.columns(
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("FAILED", "failed", ColumnKind.COUNT),
                new Column("PATH", "path", ColumnKind.BYTES)));
        List<Tally.Entry<OpenTally.FileKey>> rows = summary.opens().files().top(false);
        for (Tally.Entry<OpenTally.FileKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(e.key().recording(), e.total(), e.failed(), e.key().path().toArray()));
        }
        out.end(Completeness.notes(shown, r -> Family.OPENS));
    }

    private void failedOpens(TableWriter out) {
        begin(out, "failed_opens", "Failed opens by errno", context.columns(
                new Column("ERRNO", "errno", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT)));
        List<Tally.Entry<OpenTally.ErrnoKey>> rows = summary.opens().errnos().top(false);
        for (Tally.Entry<OpenTally.ErrnoKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(e.key().recording(), Names.errno(e.key().errno()), e.total()));
        }
        out.end(List.of());
    }

    private void signals(TableWriter out) {
        SignalTable.write(out, context, summary.kills(), "signals", "Signals sent (sender -> target)");
    }
}
