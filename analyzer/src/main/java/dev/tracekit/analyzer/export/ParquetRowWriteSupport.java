package dev.tracekit.analyzer.export;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands one export row (the values of its columns, as the export's table gives them) to Parquet, column by
 * column. The column groups are the {@link ParquetLeaf}s of each table column.
 */
final class ParquetRowWriteSupport extends WriteSupport<List<?>> {
    private final MessageType schema;
    private final List<List<ParquetLeaf>> columns;
    private RecordConsumer consumer;

    ParquetRowWriteSupport(MessageType schema, List<List<ParquetLeaf>> columns) {
        this.schema = schema;
        this.columns = columns;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    /** Hadoop's variant, which parquet-java calls only when given a Hadoop configuration (never here). */
    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        consumer = recordConsumer;
    }

    @Override
    public void write(List<?> row) {
        consumer.startMessage();
        int index = 0;
        for (int column = 0; column < columns.size(); column++) {
            Object cell = row.get(column);
            for (ParquetLeaf leaf : columns.get(column)) {
                Object value = cell == null ? null : leaf.value().apply(cell);
                if (value != null) {
                    consumer.startField(leaf.name(), index);
                    add(value);
                    consumer.endField(leaf.name(), index);
                }
                index++;
            }
        }
        consumer.endMessage();
    }

    private void add(Object value) {
        switch (value) {
            case Long l -> consumer.addLong(l);
            case Integer i -> consumer.addLong(i);
            case Double d -> consumer.addDouble(d);
            case Boolean b -> consumer.addBoolean(b);
            case String s -> consumer.addBinary(Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8)));
            case byte[] bytes -> consumer.addBinary(Binary.fromConstantByteArray(bytes));
            default -> throw new IllegalArgumentException("no Parquet type for " + value.getClass().getName());
        }
    }
}
