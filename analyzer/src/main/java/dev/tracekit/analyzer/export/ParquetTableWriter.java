package dev.tracekit.analyzer.export;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * An export table as one Parquet file (zstd pages), for DuckDB, pandas/pyarrow, Polars and Spark: the columns
 * {@link ParquetLeaf} describes, one row per record. An existing file is replaced only when asked (--force).
 */
public final class ParquetTableWriter implements TableWriter {
    private final Path file;
    private final boolean overwrite;
    private ParquetWriter<List<?>> writer;

    public ParquetTableWriter(Path file, boolean overwrite) {
        this.file = file;
        this.overwrite = overwrite;
    }

    @Override
    public void begin(TableSpec table) {
        if (writer != null) {
            throw new IllegalStateException("a Parquet file holds one table");
        }
        List<List<ParquetLeaf>> columns = new ArrayList<>();
        List<Type> fields = new ArrayList<>();
        for (Column column : table.columns()) {
            List<ParquetLeaf> leaves = ParquetLeaf.of(column);
            columns.add(leaves);
            leaves.forEach(leaf -> fields.add(leaf.type()));
        }
        MessageType schema = new MessageType("tracekit_" + table.name().replace('-', '_'), fields);
        try {
            writer = new Builder(new LocalOutputFile(file), new ParquetRowWriteSupport(schema, columns))
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new ZstdCodecFactory())
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withWriteMode(overwrite ? ParquetFileWriter.Mode.OVERWRITE : ParquetFileWriter.Mode.CREATE)
                    .build();
        } catch (FileAlreadyExistsException e) {
            throw TracekitException.badInput(file + ": already exists; add --force to overwrite it");
        } catch (IOException e) {
            throw TracekitException.badInput(file + ": cannot write: " + e.getMessage());
        }
    }

    @Override
    public void row(List<?> values) {
        try {
            writer.write(values);
        } catch (IOException e) {
            throw TracekitException.badInput(file + ": cannot write: " + e.getMessage());
        }
    }

    @Override
    public void end(List<String> notes) {
        // Notes are for people; the rows carry what they say.
    }

    /** Writes the footer: until then the file is not Parquet. */
    @Override
    public void finish() {
        try {
            writer.close();
        } catch (IOException e) {
            throw TracekitException.badInput(file + ": cannot write: " + e.getMessage());
        }
    }

    private static final class Builder extends ParquetWriter.Builder<List<?>, Builder> {
        private final WriteSupport<List<?>> writeSupport;

        Builder(OutputFile file, WriteSupport<List<?>> writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<List<?>> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return writeSupport;
        }

        /** Hadoop's variant; parquet-java uses it only when given a Hadoop configuration (never here). */
        @Override
        protected WriteSupport<List<?>> getWriteSupport(Configuration conf) {
            return writeSupport;
        }
    }
}
