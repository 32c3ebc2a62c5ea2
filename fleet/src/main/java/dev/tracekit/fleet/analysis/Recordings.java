package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;

import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;

/** Column lists shared by the jobs: a recording's columns as grouping keys and as what results keep. */
final class Recordings {
    private Recordings() {
    }

    /**
     * Every recording column; grouping by them all costs nothing more than by the index (they depend on it)
     * and keeps them for the next step.
     */
    static List<Column> keys(Column... more) {
        List<Column> keys = new ArrayList<>(List.of(col(RecordingColumns.INDEX), col(RecordingColumns.ID),
                col(RecordingColumns.HOST), col(RecordingColumns.ARCH), col(RecordingColumns.START_NS),
                col(RecordingColumns.SYSCALL_FAMILY), col(RecordingColumns.SYSCALL_LOST)));
        keys.addAll(Arrays.asList(more));
        return keys;
    }

    /** What a result shows of its recording: the id (to find it again) and the host. */
    static List<Column> shown(Column... more) {
        List<Column> shown = new ArrayList<>(List.of(col(RecordingColumns.ID), col(RecordingColumns.HOST)));
        shown.addAll(Arrays.asList(more));
        return shown;
    }
}
