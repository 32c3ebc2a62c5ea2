package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The summary's first two sections: the recordings, and events per family and host with what the recorder
 * lost and how complete each family is. Header and interval facts are already on the driver; only the
 * records matched (read) per family need a Spark pass.
 */
public final class RecordingFigures {
    private final SparkSession spark;
    private final FleetCatalog catalog;
    private final SyscallFigures syscalls;
    private final OpenFigures opens;
    private final SignalFigures signals;
    private final ProcFigures procs;

    public RecordingFigures(SparkSession spark, FleetCatalog catalog, SyscallFigures syscalls, OpenFigures opens,
            SignalFigures signals, ProcFigures procs) {
        this.spark = spark;
        this.catalog = catalog;
        this.syscalls = syscalls;
        this.opens = opens;
        this.signals = signals;
        this.procs = procs;
    }

    /** host, kernel_release, arch, start_ns, end_ns (boot clock; null without intervals), recording_id. */
    public Dataset<Row> recordings() {
        List<Row> rows = new ArrayList<>();
        for (FleetRecording r : catalog.recordings()) {
            rows.add(RowFactory.create(r.host(), r.meta().kernelRelease(), r.meta().arch(),
                    r.facts().startBootNs().isPresent() ? r.facts().startBootNs().getAsLong() : null,
                    r.facts().endBootNs().isPresent() ? r.facts().endBootNs().getAsLong() : null,
                    r.meta().recordingId()));
        }
        return spark.createDataFrame(rows, new StructType()
                .add("host", DataTypes.StringType, false)
                .add("kernel_release", DataTypes.StringType, false)
                .add("arch", DataTypes.StringType, false)
                .add("start_ns", DataTypes.LongType, true)
                .add("end_ns", DataTypes.LongType, true)
                .add(RecordingColumns.ID, DataTypes.StringType, false));
    }

    /**
     * recording_id, host, family, recorded, lost, completeness_pct, matched: one row per family each
     * recording has a stream of. recorded and lost are the recorder's own interval statistics; matched is
     * what this run read, null for the syscall family not read because the other one answers for it.
     */
    public Dataset<Row> families() {
        Map<Family, Map<Integer, Long>> matched = matchedRecords();
        List<Row> rows = new ArrayList<>();
        for (FleetRecording r : catalog.recordings()) {
            for (Family family : RecordingStream.FAMILIES) {
                if (!r.has(RecordingStream.of(family))) {
                    continue;
                }
                boolean syscallFamily = family == Family.SYSCALL_COUNTS || family == Family.SYSCALL_EVENTS;
                Long read = syscallFamily && family != r.syscallFamily() ? null
                        : matched.getOrDefault(family, Map.of()).getOrDefault(r.index(), 0L);
                long written = r.facts().written(family);
                long lost = r.facts().lost(family);
                rows.add(RowFactory.create(r.meta().recordingId(), r.host(),
                        family.name().toLowerCase(Locale.ROOT).replace('_', '-'), written, lost,
                        r.facts().completenessPercent(family), read));
            }
        }
        return spark.createDataFrame(rows, new StructType()
                .add(RecordingColumns.ID, DataTypes.StringType, false)
                .add("host", DataTypes.StringType, false)
                .add("family", DataTypes.StringType, false)
                .add("recorded", DataTypes.LongType, false)
                .add("lost", DataTypes.LongType, false)
                .add("completeness_pct", DataTypes.DoubleType, false)
                .add("matched", DataTypes.LongType, true));
    }

    /**
     * Records read per family and recording, from the totals the other listings share: opens, kills, procs and each
     * recording's syscall family.
     */
    private Map<Family, Map<Integer, Long>> matchedRecords() {
        Dataset<Row> read = opens.totals().select(col(RecordingColumns.INDEX), lit(Family.OPENS.name()).as("family"),
                        col("opens").as("records"))
                .unionByName(signals.totals().select(col(RecordingColumns.INDEX), lit(Family.KILLS.name()).as("family"),
                        col("records")))
                .unionByName(procs.totals().select(col(RecordingColumns.INDEX), lit(Family.PROCS.name()).as("family"),
                        col("records")))
                .unionByName(syscalls.totals().select(col(RecordingColumns.INDEX),
                        col(RecordingColumns.SYSCALL_FAMILY).as("family"), col("records")));
        Map<Family, Map<Integer, Long>> matched = new EnumMap<>(Family.class);
        for (Row row : read.groupBy(RecordingColumns.INDEX, "family").agg(sum("records")).collectAsList()) {
            matched.computeIfAbsent(Family.valueOf(row.getString(1)), f -> new HashMap<>())
                    .put(row.getInt(0), row.getLong(2));
        }
        return matched;
    }
}
