package dev.tracekit.fleet.cli;

import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** {@code --master}: where a fleet command runs its Spark jobs; every verb that starts Spark mixes it in. */
final class MasterOption {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]: all cores of this machine).")
    String master;

    /** The session for this run, from the command's session maker (null master when not given). */
    SparkSession session(Function<String, SparkSession> sessions) {
        return sessions.apply(master);
    }
}
