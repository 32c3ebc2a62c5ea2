package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import java.util.ArrayList;
import java.util.List;

/**
 * One recording's syscalls per time window, from its start to its end, windows without calls included as
 * zero (a quiet second is a fact, not a gap). Each window says how many events were lost in it, so a dip that
 * is a loss is not read as a quiet moment.
 *
 * @param recording the recording's index
 * @param windowNs  width of every window
 * @param windows   in time order
 */
public record SyscallRateSeries(int recording, long windowNs, List<Window> windows) {
    /**
     * @param startBootNs  the window's start on the recording's boot clock
     * @param calls        syscalls in the window
     * @param errors       failed syscalls in the window
     * @param lostSyscalls events lost of the syscall family the calls are counted from
     * @param lostOther    opens and signals lost in the window (they do not lower the rate, but lower other figures)
     */
    public record Window(long startBootNs, long calls, long errors, long lostSyscalls, long lostOther) {
    }

    /** Calls per second in the window. */
    public double ratePerSecond(Window window) {
        return window.calls() * 1e9 / windowNs;
    }

    /**
     * A window width that gives each recording at most {@code maxWindows} windows: the recorder's interval
     * (in-kernel counts are not finer than that), or a whole multiple of it for long recordings.
     */
    public static long windowFor(List<Recording> recordings, int maxWindows) {
        long interval = 0;
        long span = 0;
        for (Recording r : recordings) {
            for (IntervalStats s : r.intervals()) {
                interval = Math.max(interval, s.getIntervalEndNs() - s.getIntervalStartNs());
            }
            if (r.startBootNs().isPresent()) {
                span = Math.max(span, r.endBootNs().getAsLong() - r.startBootNs().getAsLong());
            }
        }
        if (interval <= 0) {
            return 1_000_000_000L;
        }
        long intervalsPerWindow = Math.max(1, -Math.floorDiv(-span, interval * maxWindows));
        return interval * intervalsPerWindow;
    }

    /** The series of one recording from its per-window sums. */
    static SyscallRateSeries of(SyscallRateTally tally, Recording recording, SyscallSource source) {
        long windowNs = tally.windowNs();
        if (recording.startBootNs().isEmpty()) {
            return new SyscallRateSeries(recording.index(), windowNs, List.of());
        }
        long start = recording.startBootNs().getAsLong();
        int count = (int) Math.max(1, -Math.floorDiv(-(recording.endBootNs().getAsLong() - start), windowNs));
        Family syscallFamily = source.family(recording);
        List<Window> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long from = start + i * windowNs;
            long to = from + windowNs;
            windows.add(new Window(from, tally.calls(recording, i), tally.errors(recording, i),
                    recording.losses().lostBetween(syscallFamily, from, to),
                    recording.losses().lostBetween(Family.OPENS, from, to)
                            + recording.losses().lostBetween(Family.KILLS, from, to)));
        }
        return new SyscallRateSeries(recording.index(), windowNs, List.copyOf(windows));
    }
}
