package dev.tracekit.recording;

import dev.tracekit.schema.IntervalStats;
import java.util.List;
import java.util.Map;

/**
 * The zero-length interval rows a recorder writes when it starts recording and when it closes cleanly: they
 * tell a recording that ended abruptly (the recorder killed, its host lost) from one that was stopped, without
 * a schema change. Ordinary interval rows are never zero-length (an interval closes once time has passed), so
 * a recording that starts with a boundary row but does not end with one lost its last interval. Recordings made
 * before these rows existed have none, and nothing is said about them.
 */
public final class BoundaryRows {
    private BoundaryRows() {
    }

    /**
     * A boundary row at {@code bootNs}: nothing written, nothing lost, and a clock sample.
     *
     * @param events each recorded family's name with 0, as ordinary rows list them
     */
    public static IntervalStats at(long bootNs, long bootToWallNs, Map<String, Long> events) {
        return new IntervalStats(bootNs, bootNs, bootToWallNs, events, List.of(), 0L);
    }

    public static boolean isBoundary(IntervalStats row) {
        return row.getIntervalStartNs() == row.getIntervalEndNs();
    }

    /**
     * Whether a recording's interval rows, in time order (by start, then end), show that it ended abruptly: it
     * has boundary rows, as recorders since they exist write, yet its last row is an ordinary one, or a lone
     * boundary row is all it has (killed within its first interval).
     */
    public static boolean endsAbruptly(List<IntervalStats> rowsInOrder) {
        if (rowsInOrder.isEmpty() || rowsInOrder.stream().noneMatch(BoundaryRows::isBoundary)) {
            return false;
        }
        return !isBoundary(rowsInOrder.getLast()) || rowsInOrder.size() == 1;
    }
}
