package dev.tracekit.fleet.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of one command-line run. */
final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session on the master given, else on the one spark-submit set, else on all local cores. Local runs
     * get no web UI: a command that ends in seconds needs no port of its own.
     *
     * @param master {@code --master}, or null
     */
    static SparkSession forCommandLine(String master) {
        String chosen = master != null ? master : new SparkConf().get("spark.master", "local[*]");
        SparkSession.Builder builder = SparkSession.builder().appName("tracekit fleet").master(chosen);
        if (chosen.startsWith("local")) {
            // Spark's default of 200 shuffle partitions is sized for clusters: here every small job would run
            // 200 tasks on a few cores, and the kept totals would be 200 pieces each later job walks.
            builder.config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
