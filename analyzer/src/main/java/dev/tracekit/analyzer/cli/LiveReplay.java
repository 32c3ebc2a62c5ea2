package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.filter.FilteringVisitor;
import dev.tracekit.analyzer.input.Losses;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.input.RecordingTail;
import dev.tracekit.analyzer.render.SafeText;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code --follow}: reads a recording directory as it grows ({@link RecordingTail}), through the same filters and
 * into the same visitors as a replay, until the recorder closes the recording, is found dead, or the output takes no
 * more. It polls when the recorder writes interval rows ({@link DirectoryChanges}), and at least every 50 ms (a
 * directory listing) to notice a recorder that died; events come with their interval's flush, so they reach the screen
 * the rest of their interval after they were recorded, plus the flush and the read.
 */
final class LiveReplay {
    static final long POLL_MS = 50;
    /** Without new interval rows for this long, the recorder's pid is looked up (cheap, but pointless sooner). */
    private static final long QUIET_NS = TimeUnit.SECONDS.toNanos(1);

    /** Called after each poll that read new interval rows, with the recording as it now stands. */
    interface IntervalListener {
        void intervals(Recording recording);

        /** Called after every poll, new rows or not: a live screen answers its keys here. */
        default void polled(Recording recording) {
        }
    }

    private final AnalysisSession session;
    private final Path dir;
    private final boolean fromEnd;
    private final PrintWriter out;
    private final PrintWriter err;

    private LiveReplay(AnalysisSession session, Path dir, boolean fromEnd, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.dir = dir;
        this.fromEnd = fromEnd;
        this.out = out;
        this.err = err;
    }

    /**
     * @param since the {@code --since} text: {@code now} starts after the events already recorded
     * @throws TracekitException (bad input) unless the inputs are one recording directory
     */
    static LiveReplay of(AnalysisSession session, InputOptions input, String since, PrintWriter out, PrintWriter err) {
        if (input.paths.size() != 1 || !Files.isDirectory(input.paths.getFirst())) {
            throw TracekitException.badInput("--follow takes one recording directory, not "
                    + String.join(" ", input.paths.stream().map(Path::toString).toList()));
        }
        if (session.allRecordings().size() != 1) {
            throw TracekitException.badInput(input.paths.getFirst() + ": holds " + session.allRecordings().size()
                    + " recordings; --follow follows one");
        }
        boolean fromEnd = since != null && since.strip().toLowerCase(Locale.ROOT).equals("now");
        return new LiveReplay(session, input.paths.getFirst(), fromEnd, out, err);
    }

    /** Follows the streams into the visitor (filtered), until the recording ends or the visitor wants no more. */
    void run(Set<RecordingStream> streams, RecordVisitor visitor) {
        run(streams, visitor, recording -> {
        });
    }

    /**
     * Follows the streams into the visitor, telling the listener of each poll that read interval rows.
     *
     * @return the recording as it stood at the end
     */
    Recording run(Set<RecordingStream> streams, RecordVisitor visitor, IntervalListener listener) {
        // Watched before the tail first reads: rows written in between wake the first wait at once.
        try (DirectoryChanges changes = DirectoryChanges.of(dir);
                RecordingTail tail = RecordingTail.open(dir, session.diagnostics(), streams, visitor.reads(),
                        session.namesProcesses(), fromEnd)) {
            return follow(tail, streams, visitor, listener, changes);
        }
    }

    private Recording follow(RecordingTail tail, Set<RecordingStream> streams, RecordVisitor visitor,
            IntervalListener listener, DirectoryChanges changes) {
        RecordVisitor filtered = FilteringVisitor.wrap(session.filters(), visitor);
        session.followed(tail.recording());
        LossWarning losses = new LossWarning(streams);
        long lastRowsNs = System.nanoTime();
        boolean first = true;
        while (true) {
            int rows = tail.poll(streams, filtered, first);
            if (rows > 0 || first) { // the first poll: with the rows opening the tail read
                lastRowsNs = System.nanoTime();
                session.followed(tail.recording());
                losses.check(tail.recording());
                listener.intervals(tail.recording());
            }
            first = false;
            listener.polled(tail.recording());
            out.flush();
            if (!visitor.wantsMore()) {
                return tail.recording();
            }
            if (tail.closed()) {
                err.println("tracekit: " + ending(tail.recording(), streams));
                err.flush();
                return tail.recording();
            }
            if (System.nanoTime() - lastRowsNs > QUIET_NS && tail.recorderGone()) {
                // What it flushed before dying, and its closing row if it exited cleanly after the last poll.
                if (tail.finish(streams, filtered) > 0) {
                    session.followed(tail.recording());
                    losses.check(tail.recording());
                    listener.intervals(tail.recording());
                }
                out.flush();
                if (tail.closed()) {
                    err.println("tracekit: " + ending(tail.recording(), streams));
                    err.flush();
                    return tail.recording();
                }
                session.diagnostics().inputLost(dir + ": the recorder (pid " + tail.recorderPid().getAsLong()
                        + ") is gone and did not close the recording; events after "
                        + lastEnd(tail.recording()) + " were not written");
                return tail.recording();
            }
            changes.await(POLL_MS); // at once when the recorder wrote interval rows, at most one poll otherwise
        }
    }

    /**
     * Says on stderr, as soon as the interval rows show it, that a followed family lost events: once per family, in
     * the words of the note an analysis of the finished recording prints under its results; the rows and windows
     * affected are marked as offline ({@code !}, LOST).
     */
    private final class LossWarning {
        private final Set<RecordingStream> unwarned = EnumSet.noneOf(RecordingStream.class);

        LossWarning(Set<RecordingStream> streams) {
            unwarned.addAll(streams);
        }

        void check(Recording recording) {
            Losses losses = recording.losses();
            for (RecordingStream stream : List.copyOf(unwarned)) {
                Family family = stream.family().orElseThrow();
                long lost = losses.lost(family);
                if (lost > 0) {
                    unwarned.remove(stream);
                    err.println(String.format(Locale.ROOT, "tracekit: warning: %s lost %,d %s events by %s (%.2f%% "
                            + "complete so far): figures may be low", SafeText.escape(recording.host()), lost, stream.prefix(),
                            lastEnd(recording), Losses.completenessPercent(losses.written(family), lost)));
                    err.flush();
                }
            }
        }
    }

    /** What the recorder's interval rows say at its end: events kept and lost per family followed. */
    static String ending(Recording recording, Set<RecordingStream> streams) {
        Losses losses = recording.losses();
        List<String> families = new ArrayList<>();
        for (RecordingStream stream : streams) {
            Family family = stream.family().orElseThrow();
            long lost = losses.lost(family);
            families.add(stream.prefix() + " " + String.format("%,d", losses.written(family)) + " recorded, "
                    + String.format("%,d", lost) + " lost"
                    + (lost == 0 ? "" : String.format(Locale.ROOT, " (%.2f%% complete)",
                            Losses.completenessPercent(losses.written(family), lost))));
        }
        return "the recorder closed the recording at " + lastEnd(recording) + ": " + String.join("; ", families);
    }

    private static String lastEnd(Recording recording) {
        return recording.endBootNs().isPresent()
                ? Instant.ofEpochSecond(0, recording.sampledWallNs(recording.endBootNs().getAsLong())).toString()
                : "its start";
    }
}
