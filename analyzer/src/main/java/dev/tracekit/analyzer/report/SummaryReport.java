package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.aggregate.ByteString;
import dev.tracekit.analyzer.aggregate.ContextTally;
import dev.tracekit.analyzer.aggregate.FamilyTally;
import dev.tracekit.analyzer.aggregate.KillTally;
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
    /**
     * What the summary shows, counted from events ({@link #of(SummaryAggregate, SyscallSource)}) or given
     * pre-counted (a fleet's Spark jobs). Listings are in the order shown; the first {@code limit} rows are shown.
     */
    public interface Results {
        /** First event read of a recording: its span when it has no interval statistics. */
        OptionalLong firstEvent(Recording recording);

        OptionalLong lastEvent(Recording recording);

        /** The family the recording's syscall figures come from. */
        Family syscallFamily(Recording recording);

        /** Records of the family read (and let through) for the recording. */
        long matched(Recording recording, Family family);

        /** Records of the family the recorder wrote that could not be read (damaged or missing files). */
        long unreadable(Recording recording, Family family);

        /** Syscalls by count, grouped by syscall. */
        List<SyscallRow> syscalls();

        /** Processes by everything they did. */
        List<ProcessActivity> processes();

        /** Files by opens. */
        List<Tally.Entry<OpenTally.FileKey>> files();

        /** Errnos of failed opens, most frequent first. */
        List<Tally.Entry<OpenTally.ErrnoKey>> failedOpens();

        /** Signals by sender, target and signal, most frequent first. */
        List<Tally.Entry<KillTally.SignalKey>> signals();

        /** Command lines by what their processes did, most active first; empty without a process context. */
        default List<ContextTally.Activity<ByteString>> commands() {
            return List.of();
        }

        /** Services (systemd unit, container, pod) by what their processes did; empty without a process context. */
        default List<ContextTally.Activity<String>> services() {
            return List.of();
        }

        /**
         * The results of one pass over the events.
         *
         * @param recordsRead records read before any filter, per recording and family
         */
        static Results of(SummaryAggregate summary, SyscallSource source, FamilyTally recordsRead) {
            return new Results() {
                @Override
                public long unreadable(Recording r, Family family) {
                    boolean syscallFamily = family == Family.SYSCALL_COUNTS || family == Family.SYSCALL_EVENTS;
                    if (syscallFamily && source.family(r) != family) {
                        return 0; // not read: the other syscall family answers for it
                    }
                    return Math.max(0, r.losses().written(family) - recordsRead.records(r, family));
                }

                @Override
                public OptionalLong firstEvent(Recording r) {
                    return summary.span().first(r);
                }

                @Override
                public OptionalLong lastEvent(Recording r) {
                    return summary.span().last(r);
                }

                @Override
                public Family syscallFamily(Recording r) {
                    return source.family(r);
                }

                @Override
                public long matched(Recording r, Family family) {
                    return summary.families().records(r, family);
                }

                @Override
                public List<SyscallRow> syscalls() {
                    return summary.syscalls().rows(SyscallGrouping.SYSCALL, SyscallOrder.COUNT);
                }

                @Override
                public List<ProcessActivity> processes() {
                    return summary.topProcesses();
                }

                @Override
                public List<ContextTally.Activity<ByteString>> commands() {
                    return summary.context().commands();
                }

                @Override
                public List<ContextTally.Activity<String>> services() {
                    return summary.context().services();
                }

                @Override
                public List<Tally.Entry<OpenTally.FileKey>> files() {
                    return summary.opens().files().top(false);
                }

                @Override
                public List<Tally.Entry<OpenTally.ErrnoKey>> failedOpens() {
                    return summary.opens().errnos().top(false);
                }

                @Override
                public List<Tally.Entry<KillTally.SignalKey>> signals() {
                    return summary.kills().signals().top(false);
                }
            };
        }
    }

    private final ReportContext context;
    private final List<Recording> shown;
    private final Results summary;

    public SummaryReport(ReportContext context, SummaryAggregate summary, SyscallSource source,
            FamilyTally recordsRead) {
        this(context, Results.of(summary, source, recordsRead));
    }

    public SummaryReport(ReportContext context, Results summary) {
        this.context = context;
        this.shown = context.shown();
        this.summary = summary;
    }

    public void write(TableWriter out) {
        recordings(out);
        families(out);
        topSyscalls(out);
        topProcesses(out);
        topContext(out);
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
            OptionalLong start = r.startBootNs().isPresent() ? r.startBootNs() : summary.firstEvent(r);
            OptionalLong end = r.endBootNs().isPresent() ? r.endBootNs() : summary.lastEvent(r);
            if (r.startBootNs().isEmpty()) {
                notes.add(r.host() + " has no interval statistics (did the recorder stop early?): its span is that "
                        + "of the events read, and losses are unknown");
            }
            if (!r.redactedFields().isEmpty()) {
                notes.add(r.host() + " was recorded with --redact " + String.join(",", r.redactedFields())
                        + ": those values are keyed hashes, equal where the values were");
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
        List<Column> columns = new ArrayList<>(List.of(ReportContext.HOST));
        if (context.withRecording()) {
            columns.add(ReportContext.RECORDING);
        }
        columns.addAll(List.of(
                new Column("FAMILY", "family", ColumnKind.TEXT),
                new Column("RECORDED", "recorded", ColumnKind.COUNT),
                new Column("LOST", "lost", ColumnKind.COUNT),
                new Column("COMPLETE", "completeness_pct", ColumnKind.PERCENT),
                new Column("MATCHED", "matched", ColumnKind.COUNT)));
        begin(out, "families", "Events per family", columns);
        List<String> notes = new ArrayList<>();
        for (Recording r : shown) {
            Losses losses = r.losses();
            for (Family family : RecordingStream.FAMILIES) {
                if (!r.has(RecordingStream.of(family))) {
                    continue;
                }
                long lost = losses.lost(family);
                boolean read = family != Family.SYSCALL_COUNTS && family != Family.SYSCALL_EVENTS
                        || summary.syscallFamily(r) == family;
                long unreadable = summary.unreadable(r, family);
                String name = family.name().toLowerCase(Locale.ROOT).replace('_', '-');
                List<Object> row = new ArrayList<>(List.of(r.host()));
                if (context.withRecording()) {
                    row.add(r.meta().recordingId());
                }
                row.addAll(Arrays.asList(name, losses.written(family), lost,
                        Completeness.percent(losses.written(family), lost, unreadable),
                        read ? summary.matched(r, family) : null));
                out.row(row);
                if (unreadable > 0) {
                    notes.add(String.format(Locale.ROOT, "%s: %,d of the %,d %s records written could not be read "
                            + "(damaged input, see the warnings): COMPLETE counts them as lost",
                            r.host(), unreadable, losses.written(family), name));
                }
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
        List<SyscallRow> rows = summary.syscalls();
        for (SyscallRow row : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            Recording r = context.recording(row.recording());
            out.row(context.row(row.recording(), Names.syscall(r, row.syscall()), row.stats().count(),
                    row.stats().errors()));
        }
        out.end(Completeness.notes(shown, summary::syscallFamily));
    }

    private void topProcesses(TableWriter out) {
        begin(out, "top_processes", "Top processes", context.columns(
                new Column("PID", "pid", ColumnKind.NUMBER),
                new Column("COMM", "comm", ColumnKind.BYTES),
                new Column("SYSCALLS", "syscalls", ColumnKind.COUNT),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("SIGNALS", "signals_sent", ColumnKind.COUNT)));
        List<ProcessActivity> rows = summary.processes();
        for (ProcessActivity p : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(p.process().recording(), (long) p.process().pid(), p.process().comm().toArray(),
                    p.syscalls(), p.opens(), p.signalsSent()));
        }
        out.end(List.of());
    }

    /**
     * Top commands and top services, when the recordings say who their processes were (process snapshots and
     * procs events, since 1.1); recordings without are left without these tables rather than shown empty ones.
     */
    private void topContext(TableWriter out) {
        List<ContextTally.Activity<ByteString>> commands = summary.commands();
        List<ContextTally.Activity<String>> services = summary.services();
        if (commands.isEmpty() && services.isEmpty()) {
            return;
        }
        activity(out, "top_commands", "Top commands", new Column("COMMAND", "cmdline", ColumnKind.BYTES), commands,
                ByteString::toArray);
        activity(out, "top_services", "Top services", new Column("SERVICE", "service", ColumnKind.TEXT), services,
                name -> name);
    }

    private <K extends Comparable<K>> void activity(TableWriter out, String name, String title, Column what,
            List<ContextTally.Activity<K>> rows, java.util.function.Function<K, Object> value) {
        begin(out, name, title, context.columns(
                new Column("PROCESSES", "processes", ColumnKind.COUNT),
                new Column("SYSCALLS", "syscalls", ColumnKind.COUNT),
                new Column("OPENS", "opens", ColumnKind.COUNT),
                new Column("SIGNALS", "signals_sent", ColumnKind.COUNT),
                what));
        for (ContextTally.Activity<K> a : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(a.key().recording(), a.processes(), a.syscalls(), a.opens(), a.signalsSent(),
                    value.apply(a.key().name())));
        }
        out.end(List.of());
    }

    private void topFiles(TableWriter out) {
        FileTable.write(out, context, summary.files(), "top_files", "Top opened files");
    }

    private void failedOpens(TableWriter out) {
        begin(out, "failed_opens", "Failed opens by errno", context.columns(
                new Column("ERRNO", "errno", ColumnKind.NAMED),
                new Column("COUNT", "count", ColumnKind.COUNT)));
        List<Tally.Entry<OpenTally.ErrnoKey>> rows = summary.failedOpens();
        for (Tally.Entry<OpenTally.ErrnoKey> e : rows.subList(0, Math.min(context.limit(), rows.size()))) {
            out.row(context.row(e.key().recording(), Names.errno(e.key().errno()), e.total()));
        }
        out.end(List.of());
    }

    private void signals(TableWriter out) {
        SignalTable.write(out, context, summary.signals(), "signals", "Signals sent (sender -> target)",
                sender -> null); // the summary takes no --with
    }
}
