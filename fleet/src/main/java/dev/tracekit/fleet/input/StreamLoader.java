package dev.tracekit.fleet.input;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;

import dev.tracekit.recording.RecordingStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one stream's files with spark-avro, always through the current reader schema of {@code schema/}
 * (Avro resolves every older writer schema against it, so files of every schema version read alike), and
 * tags each record with its recording's index by joining Spark's {@code _metadata.file_path} with the
 * file list the driver made from the headers.
 */
final class StreamLoader {
    static final String FILE_PATH = "file_path";
    static final String RECORDING_INDEX = "recording_index";
    /** The file's place in its stream ({@code tracekit.file_seq}). */
    static final String FILE_SEQ = "file_seq";
    /**
     * A record's place in its file: (block_start, row), ascending in the order the file holds the records. Spark
     * reads a file in splits, each a task's, and numbers rows per task: the split's start orders the splits, the
     * task's running number the rows of one split. Compacted rows keep it, so a table reads back in recorded order.
     */
    static final String RECORD_ORDER = "record_order";

    private final SparkSession spark;
    private final Map<RecordingStream, List<RecordingFile>> files;
    private final Map<String, Integer> recordingIndex;

    /** @param recordingIndex recording id to the recording's place in the catalog */
    StreamLoader(SparkSession spark, Map<RecordingStream, List<RecordingFile>> files, Map<String, Integer> recordingIndex) {
        this.spark = spark;
        this.files = files;
        this.recordingIndex = recordingIndex;
    }

    /** The records of the stream's files that belong to the recordings selected, with {@code recording_index}. */
    Dataset<Row> load(RecordingStream stream, IntPredicate recordings) {
        return load(stream, recordings, new StructType(), index -> new Object[0]);
    }

    /**
     * The records of the stream's files that belong to the recordings selected, with {@code recording_index}
     * and the recording's own columns: one join with one small table of files, whatever the number of columns.
     *
     * @param columns the recording's columns added, in this order
     * @param values a recording index to the values of those columns
     */
    Dataset<Row> load(RecordingStream stream, IntPredicate recordings, StructType columns, IntFunction<Object[]> values) {
        List<Row> fileRows = new ArrayList<>();
        List<RecordingFile> selected = new ArrayList<>();
        for (RecordingFile file : files.getOrDefault(stream, List.of())) {
            int index = recordingIndex.get(file.meta().recordingId());
            if (recordings.test(index)) {
                selected.add(file);
                Object[] recording = values.apply(index);
                Object[] row = new Object[recording.length + 3];
                row[0] = file.uri();
                row[1] = index;
                row[2] = file.seq();
                System.arraycopy(recording, 0, row, 3, recording.length);
                fileRows.add(RowFactory.create(row));
            }
        }
        StructType fileSchema = new StructType()
                .add(FILE_PATH, DataTypes.StringType, false)
                .add(RECORDING_INDEX, DataTypes.IntegerType, false)
                .add(FILE_SEQ, DataTypes.LongType, false);
        for (var field : columns.fields()) {
            fileSchema = fileSchema.add(field);
        }
        Dataset<Row> fileTable = spark.createDataFrame(fileRows, fileSchema);
        return records(stream, selected).join(broadcast(fileTable), FILE_PATH).drop(FILE_PATH);
    }

    /**
     * The stream's records with their {@code file_path}: from the Avro files, and from the Parquet files of a
     * compacted table, whose rows carry the path of the Avro file they came from.
     */
    private Dataset<Row> records(RecordingStream stream, List<RecordingFile> selected) {
        String[] avro = selected.stream().filter(f -> f.compacted().isEmpty()).map(RecordingFile::uri)
                .toArray(String[]::new);
        String[] parquet = selected.stream().flatMap(f -> f.compacted().orElse(List.of()).stream())
                .toArray(String[]::new);
        Column[] columns = columns(stream);
        Dataset<Row> records = avro.length > 0 ? avro(spark, stream, avro).select(columns) : null;
        if (parquet.length > 0) {
            // by the schema, not the files' own: a table compacted before a column was kept reads it as null
            Dataset<Row> compacted = spark.read().schema(sqlSchema(stream)).parquet(parquet).select(columns);
            records = records == null ? compacted : records.unionByName(compacted);
        }
        return records != null ? records : spark.createDataFrame(List.of(), sqlSchema(stream));
    }

    /** The stream's columns as Spark reads them through the current schema, {@code file_path} and {@code record_order}. */
    static StructType sqlSchema(RecordingStream stream) {
        return ((StructType) SchemaConverters.toSqlType(stream.schema()).dataType())
                .add(FILE_PATH, DataTypes.StringType)
                .add(RECORD_ORDER, new StructType()
                        .add("block_start", DataTypes.LongType, false)
                        .add("row", DataTypes.LongType, false));
    }

    private static Column[] columns(RecordingStream stream) {
        return Arrays.stream(sqlSchema(stream).fieldNames()).map(name -> col(name)).toArray(Column[]::new);
    }

    /** The Avro files' records through the current reader schema, each with its file's {@code file_path}. */
    static Dataset<Row> avro(SparkSession spark, RecordingStream stream, String... paths) {
        return spark.read().format("avro")
                .option("avroSchema", stream.schema().toString())
                // A recorder that crashed leaves its last file cut inside a block: keep the blocks before the
                // damage, as the analyzer does, instead of failing the job (Spark logs the file it cut short).
                .option("ignoreCorruptFiles", "true")
                .load(paths)
                .withColumn(FILE_PATH, col("_metadata.file_path"))
                // computed in the scan's own tasks, before any exchange, so the numbers follow the reading order
                .withColumn(RECORD_ORDER, struct(col("_metadata.file_block_start").as("block_start"),
                        monotonically_increasing_id().as("row")));
    }
}
