package dev.tracekit.fleet.input;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fleet compact}: writes recording files into a {@link CompactedTable} as Parquet, partitioned by host,
 * day (UTC, of each record's time) and family, with the recording's facts (kernel, arch, boot id, recording id,
 * redacted fields) as columns. Incremental: a file already in the table at the same length is skipped, so a
 * re-run adds nothing; a file that has grown since (the recorder is still writing it) is compacted again and the
 * next snapshot names its new Parquet files instead of the old ones.
 */
public final class TableCompactor {
    /** The Parquet partition of one recording file, so a file compacted again replaces exactly its own rows. */
    static final String SOURCE = "source";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run did. */
    public record Result(int compacted, int unchanged, List<String> warnings, boolean complete) {
    }

    private TableCompactor() {
    }

    public static Result compact(SparkSession spark, List<String> inputs, String table) {
        Path tablePath = new Path(table);
        CompactedTable target;
        try {
            target = CompactedTable.openOrCreate(tablePath.getFileSystem(spark.sparkContext().hadoopConfiguration()),
                    tablePath);
        } catch (IOException e) {
            throw TracekitException.badInput(table + ": " + e.getMessage());
        }
        RecordingFileScanner.Scan scan = RecordingFileScanner.scan(spark.sparkContext().hadoopConfiguration(), inputs);
        Map<String, CompactedTable.Entry> entries = new LinkedHashMap<>();
        target.snapshot().forEach(entry -> entries.put(key(entry), entry));
        Map<RecordingStream, List<RecordingFile>> changed = new EnumMap<>(RecordingStream.class);
        Map<String, Long> lengths = new HashMap<>();
        int unchanged = 0;
        try {
            for (RecordingFile file : scan.files()) {
                if (file.compacted().isPresent()) {
                    continue;
                }
                long bytes = target.fs().getFileStatus(new Path(file.uri())).getLen();
                CompactedTable.Entry known = entries.get(file.key());
                if (known != null && known.bytes() == bytes) {
                    unchanged++;
                    continue;
                }
                lengths.put(file.key(), bytes);
                changed.computeIfAbsent(file.stream(), s -> new ArrayList<>()).add(file);
            }
            if (!changed.isEmpty()) {
                Path staging = target.stagingDir();
                changed.forEach((stream, files) -> write(spark, stream, files, staging));
                Map<String, List<String>> data = moveIntoPlace(target, staging);
                for (List<RecordingFile> files : changed.values()) {
                    for (RecordingFile file : files) {
                        entries.put(file.key(), new CompactedTable.Entry(file.uri(), file.stream().name(), file.seq(),
                                lengths.get(file.key()), CompactedTable.Entry.header(file),
                                scan.damage().get(file.key()), data.getOrDefault(sourceId(file), List.of())));
                    }
                }
                target.publish(new ArrayList<>(entries.values()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(table + ": " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>(scan.notes());
        warnings.addAll(scan.lost());
        int compacted = changed.values().stream().mapToInt(List::size).sum();
        return new Result(compacted, unchanged, warnings, scan.lost().isEmpty());
    }

    private static String key(CompactedTable.Entry entry) {
        return entry.header().get(dev.tracekit.recording.RecordingMeta.KEY_RECORDING_ID) + "/"
                + RecordingStream.valueOf(entry.stream()).prefix() + "/" + entry.seq();
    }

    /** The {@value #SOURCE} partition value of a file: its stream, number and recording. */
    private static String sourceId(RecordingFile file) {
        return file.stream().prefix() + "-" + file.seq() + "-" + file.meta().recordingId();
    }

    /** One stream's changed files as Parquet under {@code staging} (shared by the streams of one run), one directory per file. */
    private static void write(SparkSession spark, RecordingStream stream, List<RecordingFile> files, Path staging) {
        List<Row> facts = new ArrayList<>();
        for (RecordingFile file : files) {
            facts.add(RowFactory.create(file.uri(), file.meta().hostname(), file.meta().kernelRelease(),
                    file.meta().arch(), file.meta().bootId(), file.meta().recordingId(), redacted(file.meta().filtersJson()),
                    file.meta().bootTimeWallNs(), sourceId(file)));
        }
        StructType schema = new StructType()
                .add(StreamLoader.FILE_PATH, DataTypes.StringType, false)
                .add("host", DataTypes.StringType, false)
                .add("kernel_release", DataTypes.StringType, false)
                .add("arch", DataTypes.StringType, false)
                .add("boot_id", DataTypes.StringType, false)
                .add("recording_id", DataTypes.StringType, false)
                .add("redacted", DataTypes.StringType, false)
                .add("boot_time_wall_ns", DataTypes.LongType, false)
                .add(SOURCE, DataTypes.StringType, false);
        Dataset<Row> records = StreamLoader.avro(spark, stream, files.stream().map(RecordingFile::uri)
                .toArray(String[]::new));
        List<String> fields = Arrays.asList(records.columns());
        String time = fields.contains("header") ? "header.ts_ns" : fields.contains("interval_start_ns")
                ? "interval_start_ns" : "0L";
        records.join(broadcast(spark.createDataFrame(facts, schema)), StreamLoader.FILE_PATH)
                // the UTC day of the record's wall-clock time, whatever the session's time zone
                .withColumn("day", expr("date_from_unix_date(cast(floor((boot_time_wall_ns + " + time
                        + ") / 86400000000000) as int))"))
                .withColumn("family", lit(stream.prefix()))
                .drop("boot_time_wall_ns")
                .write().mode("append").partitionBy("host", "day", "family", SOURCE).parquet(staging.toString());
    }

    /** The fields the recorder redacted, from the header's filters ({@code "redacted"}), comma-separated. */
    private static String redacted(String filtersJson) {
        StringJoiner fields = new StringJoiner(",");
        try {
            JsonNode list = JSON.readTree(filtersJson).path("redacted");
            list.forEach(field -> fields.add(field.asText()));
        } catch (IOException e) {
            return "";
        }
        return fields.toString();
    }

    /**
     * Moves the Parquet files written under {@code staging} to the same partitions under {@code data/} (a rename
     * each: the names are unique to the write) and returns them by source file, relative to the table.
     */
    private static Map<String, List<String>> moveIntoPlace(CompactedTable table, Path staging) throws IOException {
        FileSystem fs = table.fs();
        Map<String, List<String>> bySource = new HashMap<>();
        String prefix = fs.makeQualified(staging).toUri().getPath() + "/";
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(staging, true);
        List<Path> written = new ArrayList<>();
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().endsWith(".parquet")) {
                written.add(file);
            }
        }
        for (Path file : written) {
            String relative = CompactedTable.DATA + "/" + file.toUri().getPath().substring(prefix.length());
            Path target = new Path(table.root(), relative);
            fs.mkdirs(target.getParent());
            if (!fs.rename(file, target)) {
                throw new IOException("cannot move " + file + " to " + target);
            }
            String source = file.getParent().getName();
            bySource.computeIfAbsent(source.substring(SOURCE.length() + 1), s -> new ArrayList<>()).add(relative);
        }
        fs.delete(staging, true);
        return bySource;
    }
}
