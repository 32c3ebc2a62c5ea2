package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.filter.EventFilter;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.filter.FilteringVisitor;
import dev.tracekit.analyzer.input.Catalog;
import dev.tracekit.analyzer.input.Diagnostics;
import dev.tracekit.analyzer.input.InputScanner;
import dev.tracekit.analyzer.input.MergedTimeline;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.schema.ProcEvent;
import java.util.HashMap;
import java.util.Map;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.input.RecordingReader;
import dev.tracekit.analyzer.report.ContextColumn;
import dev.tracekit.analyzer.report.ReportContext;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.recording.SchemaVersion;
import dev.tracekit.analyzer.aggregate.CountingVisitor;
import dev.tracekit.analyzer.aggregate.FamilyTally;
import dev.tracekit.analyzer.aggregate.SummaryAggregate;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** One run of a verb over its inputs: the catalog, the filters, the reader and the warnings they produce. */
final class AnalysisSession {
    private final Catalog catalog;
    private final Diagnostics diagnostics;
    private final FilterSpec filters;
    private final RecordingReader reader;
    private boolean followed;
    private boolean contextNoted;
    private final List<FamilyTally> recordsRead = Collections.synchronizedList(new ArrayList<>());
    /** With --follow: the followed recording as it grows, seen by every context handed out (null otherwise). */
    private List<Recording> live;

    private AnalysisSession(Catalog catalog, Diagnostics diagnostics, FilterSpec filters, int threads) {
        this.catalog = catalog;
        this.diagnostics = diagnostics;
        this.filters = filters;
        this.reader = new RecordingReader(catalog, diagnostics, threads);
    }

    static AnalysisSession open(InputOptions input, FilterSpec filters) {
        return open(input.paths, input.threadCount(), filters);
    }

    /**
     * @param live a recording followed as it is written: the scan only checks the input, and what it would say about
     *             the recording so far (no closing row yet) is not said, since the follow reads it again itself
     */
    static AnalysisSession open(InputOptions input, FilterSpec filters, boolean live) {
        if (!live) {
            return open(input, filters);
        }
        Catalog catalog = InputScanner.scan(input.paths, new Diagnostics());
        for (Recording recording : catalog.recordings()) {
            EventFilter.of(filters, recording);
        }
        AnalysisSession session = new AnalysisSession(catalog, new Diagnostics(), filters, input.threadCount());
        session.live = new CopyOnWriteArrayList<>(catalog.recordings());
        if (filters.needsProcessContext()) {
            session.followProcesses();
        }
        return session;
    }

    /** The followed recording as it now stands: the contexts handed out see it from here on. */
    void followed(Recording recording) {
        live.set(recording.index(), recording);
    }

    /** @throws TracekitException (bad input) for unreadable inputs or filters that cannot apply to them */
    static AnalysisSession open(List<Path> paths, int threads, FilterSpec filters) {
        Diagnostics diagnostics = new Diagnostics();
        Catalog catalog = InputScanner.scan(paths, diagnostics);
        for (Recording recording : catalog.recordings()) {
            EventFilter.of(filters, recording); // a time offset on a recording without a start fails here, not mid-read
        }
        AnalysisSession session = new AnalysisSession(catalog, diagnostics, filters, threads);
        if (filters.needsProcessContext()) {
            session.followProcesses();
        }
        return session;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    FilterSpec filters() {
        return filters;
    }

    /** Every recording of the inputs. */
    List<Recording> allRecordings() {
        return catalog.recordings();
    }

    /** Recordings the {@code --host} filter lets through. */
    List<Recording> recordings() {
        return catalog.recordings().stream()
                .filter(r -> filters.hosts().isEmpty() || filters.hosts().contains(r.host())).toList();
    }

    /**
     * What presenters need to know about the run, with the given row limit per listing.
     *
     * @throws TracekitException (bad input) for a limit below zero ({@code --limit}, {@code -T})
     */
    ReportContext context(int limit) {
        return context(limit, List.of());
    }

    /**
     * What presenters need to know, with these columns from the process context (whose procs events are then read
     * first, {@link #followProcesses}); a recording that has no process context is noted once.
     *
     * @throws TracekitException (bad input) for a limit below zero ({@code --limit}, {@code -T})
     */
    ReportContext context(int limit, List<ContextColumn> with) {
        if (limit < 0) {
            throw TracekitException.badInput("row limit " + limit + " is below zero");
        }
        if (!with.isEmpty()) {
            followProcesses();
            noteMissingProcessContext();
        }
        if (live != null) { // while following, the recordings are the live ones as they grow, not the catalog's
            return new ReportContext(live, recordings().isEmpty() ? List.of() : live, limit, with);
        }
        return new ReportContext(catalog.recordings(), recordings(), limit, with);
    }

    /** What a replay needs to know: every row, with these columns from the process context. */
    ReportContext replayContext(List<ContextColumn> with) {
        return context(Integer.MAX_VALUE, with);
    }

    /** Says, once per host (its rotations would say the same), which recordings cannot name their processes. */
    private void noteMissingProcessContext() {
        if (contextNoted) {
            return;
        }
        contextNoted = true;
        Set<String> notes = new LinkedHashSet<>();
        for (Recording recording : recordings()) {
            // a followed recording's procs records are read as it grows: one with a procs stream may name them yet
            if (recording.timeline().isEmpty() && (live == null || !recording.has(RecordingStream.PROCS))) {
                SchemaVersion version = recording.meta().schemaVersion();
                notes.add(recording.host() + ": the --with columns are empty: its recording (schema " + version.major()
                        + "." + version.minor() + ") has no process snapshots (recorded since schema 1.1) and no procs "
                        + "records (record --events procs) to tell who its processes were");
            }
        }
        notes.forEach(diagnostics::note);
    }

    /**
     * Reads the streams into one filtered aggregate per decoding thread; the caller merges them. The kills
     * stream goes, in recorded order, into an aggregate of its own: a sent signal is joined to the kernel's
     * record of it by their order ({@code SignalPairing}).
     */
    <V extends RecordVisitor> List<V> aggregate(Set<RecordingStream> streams, Supplier<V> aggregates) {
        List<V> created = Collections.synchronizedList(new ArrayList<>());
        Set<RecordingStream> unordered = EnumSet.noneOf(RecordingStream.class);
        unordered.addAll(streams);
        if (unordered.remove(RecordingStream.KILLS)) {
            V kills = aggregates.get();
            reader.readOrdered(Set.of(RecordingStream.KILLS), counted(kills));
            created.add(kills);
        }
        if (!unordered.isEmpty() || created.isEmpty()) {
            reader.readUnordered(unordered, () -> {
                V aggregate = aggregates.get();
                created.add(aggregate);
                return counted(aggregate);
            });
        }
        return List.copyOf(created);
    }

    private RecordVisitor counted(RecordVisitor aggregate) {
        FamilyTally counts = new FamilyTally();
        recordsRead.add(counts);
        return new CountingVisitor(counts, FilteringVisitor.wrap(filters, aggregate));
    }

    /** Records read by the aggregating passes so far, before any filter: per recording and family. */
    FamilyTally recordsRead() {
        FamilyTally total = new FamilyTally();
        recordsRead.forEach(total::merge);
        return total;
    }

    /** Reads everything the summary shows, with syscall figures from {@code source}. */
    SummaryAggregate summary(SyscallSource source) {
        followProcesses(); // top commands and services
        Set<RecordingStream> streams = EnumSet.of(RecordingStream.OPENS, RecordingStream.KILLS, RecordingStream.PROCS);
        streams.addAll(source.streams());
        List<SummaryAggregate> parts = aggregate(streams, () -> new SummaryAggregate(source));
        SummaryAggregate summary = parts.getFirst();
        parts.subList(1, parts.size()).forEach(summary::merge);
        return summary;
    }

    /**
     * Reads the streams in recorded order through the filters into one visitor. One stream of several recordings
     * (hosts, or rotations of one host) is merged into one time order ({@link MergedTimeline}).
     */
    void replay(Set<RecordingStream> streams, RecordVisitor visitor) {
        List<Recording> shown = recordings();
        if (streams.size() == 1 && shown.size() > 1) {
            new MergedTimeline(catalog, diagnostics).read(streams.iterator().next(), shown,
                    downstream -> FilteringVisitor.wrap(filters, downstream), visitor);
            return;
        }
        reader.readOrdered(streams, FilteringVisitor.wrap(filters, visitor));
    }

    /**
     * Reads the procs family of every recording that has one, unfiltered, so that who a pid was is known at every
     * moment before any record is shown ({@link Recording#timeline}). Once per session. While following, the tail
     * reads it as the recording grows, poll by poll ({@link #namesProcesses}).
     */
    void followProcesses() {
        if (followed) {
            return;
        }
        followed = true;
        if (live != null) {
            return;
        }
        Map<Integer, ProcessTimeline.Builder> builders = new HashMap<>();
        List<Recording> withProcs = catalog.recordings().stream().filter(r -> r.has(RecordingStream.PROCS)).toList();
        if (withProcs.isEmpty()) {
            return;
        }
        reader.readOrdered(Set.of(RecordingStream.PROCS), new RecordVisitor() {
            @Override
            public void proc(Recording recording, ProcEvent event) {
                builders.computeIfAbsent(recording.index(), i -> new ProcessTimeline.Builder(recording.processes()))
                        .proc(recording, event);
            }
        });
        for (Recording recording : withProcs) {
            ProcessTimeline.Builder builder = builders.get(recording.index());
            if (builder != null) {
                recording.follow(builder.build());
            }
        }
    }

    /** Whether the verb asked who each pid is ({@link #followProcesses}): a follow then reads the procs stream too. */
    boolean namesProcesses() {
        return followed;
    }

    /** Prints the warnings after the result and tells whether the result is whole. */
    int finish(PrintWriter err) {
        for (String warning : diagnostics.warnings()) {
            err.println("tracekit: warning: " + dev.tracekit.analyzer.render.SafeText.escape(warning));
        }
        err.flush();
        return (diagnostics.partial() ? ExitCode.PARTIAL : ExitCode.OK).status();
    }
}
