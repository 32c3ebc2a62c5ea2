package dev.tracekit.fleet.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.SyscallSource;
import dev.tracekit.analyzer.filter.EventFilter;
import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.analyzer.input.Diagnostics;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.input.ProcessIndex;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The recordings found in the inputs and their streams as Spark tables. Every record read through
 * {@link #read} carries its recording's columns ({@link RecordingColumns}), so jobs group by host and decode
 * names with the recording's own architecture.
 */
public final class FleetCatalog {
    /** Columns every record read has besides its stream's: its file's place in its stream, and its place in the file. */
    public static final String FILE_SEQ = StreamLoader.FILE_SEQ;
    public static final String RECORD_ORDER = StreamLoader.RECORD_ORDER;

    private final List<FleetRecording> recordings;
    private final FilterSpec filters;
    private final RecordingFileScanner.Scan scan;
    private final StreamLoader loader;
    /** Notes met decoding process snapshots (a damaged one, a recorder in a pid namespace of its own). */
    private final Diagnostics snapshotNotes = new Diagnostics();
    private final Map<Integer, ProcessIndex> processes = new HashMap<>();

    private FleetCatalog(List<FleetRecording> recordings, FilterSpec filters, RecordingFileScanner.Scan scan,
            StreamLoader loader) {
        this.recordings = recordings;
        this.filters = filters;
        this.scan = scan;
        this.loader = loader;
    }

    /**
     * Reads every file's header on the driver, then the interval statistics with Spark, and ties the filters to
     * each recording as the analyzer does before it reads an event.
     *
     * @param paths   directories (searched recursively) and .avro files, as Hadoop paths or URIs
     * @param filters the run's filters: they choose each recording's syscall family, the recordings read
     *                ({@code --host}) and each one's time window
     * @throws TracekitException (bad input) for a time offset on a recording without a known start
     */
    public static FleetCatalog open(SparkSession spark, List<String> paths, FilterSpec filters) {
        RecordingFileScanner.Scan scan = RecordingFileScanner.scan(spark.sparkContext().hadoopConfiguration(), paths);
        Map<String, RecordingMeta> metas = new LinkedHashMap<>();
        Map<String, Set<RecordingStream>> streams = new HashMap<>();
        Map<RecordingStream, List<RecordingFile>> files = new EnumMap<>(RecordingStream.class);
        for (RecordingFile file : scan.files()) {
            metas.putIfAbsent(file.meta().recordingId(), file.meta());
            streams.computeIfAbsent(file.meta().recordingId(), id -> EnumSet.noneOf(RecordingStream.class))
                    .add(file.stream());
            files.computeIfAbsent(file.stream(), s -> new ArrayList<>()).add(file);
        }
        List<RecordingMeta> ordered = new ArrayList<>(metas.values());
        ordered.sort(Comparator.comparing(RecordingMeta::hostname).thenComparing(RecordingMeta::recordingId));
        Map<String, Integer> indexById = new HashMap<>();
        for (RecordingMeta meta : ordered) {
            indexById.put(meta.recordingId(), indexById.size());
        }
        StreamLoader loader = new StreamLoader(spark, files, indexById);
        Map<Integer, IntervalFacts> facts = IntervalFacts.of(loader.load(RecordingStream.INTERVALS, i -> true));
        List<Recording> analyzerView = new ArrayList<>();
        for (RecordingMeta meta : ordered) {
            int index = analyzerView.size();
            Recording recording = new Recording(index, meta, facts.getOrDefault(index, IntervalFacts.NONE).asOneInterval(),
                    Set.copyOf(streams.get(meta.recordingId())));
            EventFilter.of(filters, recording); // a time offset on a recording without a start fails here
            analyzerView.add(recording);
        }
        SyscallSource source = SyscallSource.choose(analyzerView, filters);
        List<FleetRecording> recordings = new ArrayList<>();
        for (Recording r : analyzerView) {
            recordings.add(new FleetRecording(r.index(), r.meta(), Set.copyOf(streams.get(r.meta().recordingId())),
                    facts.getOrDefault(r.index(), IntervalFacts.NONE), source.family(r)));
        }
        return new FleetCatalog(List.copyOf(recordings), filters, scan, loader);
    }

    /** By host, then recording id; a recording's {@link FleetRecording#index()} is its place here. */
    public List<FleetRecording> recordings() {
        return recordings;
    }

    /** The run's filters. */
    public FilterSpec filters() {
        return filters;
    }

    /** Whether {@code --host} lets the recording through: the others' files are never read. */
    public boolean shown(FleetRecording recording) {
        return filters.hosts().isEmpty() || filters.hosts().contains(recording.host());
    }

    /**
     * Files not used (not a recording's, or unreadable) and snapshots that could not name processes, for the
     * warnings after the result.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(scan.notes());
        warnings.addAll(scan.lost());
        warnings.addAll(snapshotNotes.warnings());
        return warnings;
    }

    /**
     * Who the recording's pids were, from the process snapshots in its files' headers, as the analyzer's
     * {@code Recording.processes()} has it; decoded on first asking, once per recording.
     */
    public synchronized ProcessIndex processes(FleetRecording recording) {
        return processes.computeIfAbsent(recording.index(), index -> {
            ProcessIndex.Builder snapshots = new ProcessIndex.Builder(snapshotNotes);
            for (RecordingFile file : scan.files()) {
                if (file.processSnapshot() != null && file.meta().recordingId().equals(recording.meta().recordingId())) {
                    snapshots.add(file.processSnapshot(), file.uri());
                }
            }
            return snapshots.build();
        });
    }

    /** False when recording files could not be read, so results miss them. */
    public boolean complete() {
        return scan.lost().isEmpty();
    }

    /** Every record of the stream, with its recording's columns. */
    public Dataset<Row> read(RecordingStream stream) {
        return read(stream, r -> true);
    }

    /** The stream's records of the recordings selected that {@code --host} lets through, with their recording's columns. */
    public Dataset<Row> read(RecordingStream stream, Predicate<FleetRecording> which) {
        return loader.load(stream, index -> shown(recordings.get(index)) && which.test(recordings.get(index)),
                RecordingColumns.SCHEMA, index -> RecordingColumns.values(recordings.get(index), filters));
    }

    /** The columns every record read gets from its recording. */
    public static final class RecordingColumns {
        public static final String INDEX = StreamLoader.RECORDING_INDEX;
        public static final String ID = "recording_id";
        public static final String HOST = "host";
        public static final String ARCH = "arch";
        /** Boot-clock ns windows and relative times count from. */
        public static final String START_NS = "start_ns";
        /** The family the recording's syscall figures come from ({@link FleetRecording#syscallFamily()}). */
        public static final String SYSCALL_FAMILY = "syscall_family";
        /** Events of that family the recording lost in all. */
        public static final String SYSCALL_LOST = "syscall_lost";
        /** The run's --since on the recording's boot clock (included; the smallest long without one). */
        public static final String SINCE_NS = "since_ns";
        /** The run's --until on the recording's boot clock (excluded; the largest long without one). */
        public static final String UNTIL_NS = "until_ns";

        private RecordingColumns() {
        }

        /** The columns besides {@link #INDEX}, which the file table always has. */
        static final StructType SCHEMA = new StructType()
                .add(ID, DataTypes.StringType, false)
                .add(HOST, DataTypes.StringType, false)
                .add(ARCH, DataTypes.StringType, false)
                .add(START_NS, DataTypes.LongType, false)
                .add(SYSCALL_FAMILY, DataTypes.StringType, false)
                .add(SYSCALL_LOST, DataTypes.LongType, false)
                .add(SINCE_NS, DataTypes.LongType, false)
                .add(UNTIL_NS, DataTypes.LongType, false);

        /** The bounds as the analyzer's {@code EventFilter} puts them on the recording's clock. */
        static Object[] values(FleetRecording r, FilterSpec filters) {
            Recording recording = r.recording();
            return new Object[] {r.meta().recordingId(), r.host(), r.meta().arch(), r.startBootNs(),
                r.syscallFamily().name(), r.facts().lost(r.syscallFamily()),
                filters.since() == null ? Long.MIN_VALUE : filters.since().bootNs(recording),
                filters.until() == null ? Long.MAX_VALUE : filters.until().bootNs(recording)};
        }
    }
}
