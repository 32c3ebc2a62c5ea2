package dev.tracekit.fleet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** File URIs from the driver's listing must be spelled as Spark's _metadata.file_path or no record finds its recording. */
class SparkFilePathTest {
    @Test
    void emptyAuthorityIsDropped() {
        assertEquals("file:/data/web-1/opens-000001.avro",
                RecordingFileScanner.sparkFilePath(new Path("file:///data/web-1/opens-000001.avro")));
    }

    @Test
    void authorityAndEscapesStay() {
        assertEquals("hdfs://nn:8020/traces/a%20b/opens-000001.avro",
                RecordingFileScanner.sparkFilePath(new Path("hdfs://nn:8020/traces/a b/opens-000001.avro")));
    }
}
