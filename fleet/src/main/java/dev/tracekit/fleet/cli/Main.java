package dev.tracekit.fleet.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code bin/tracekit fleet VERB ...} in local mode, or the main class spark-submit runs on a cluster. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        List<SparkSession> started = new ArrayList<>();
        int status = FleetCommandLine.execute(out, err, master -> {
            SparkSession spark = SparkSessions.forCommandLine(master);
            started.add(spark);
            return spark;
        }, args);
        started.forEach(SparkSession::stop);
        System.exit(status);
    }
}
