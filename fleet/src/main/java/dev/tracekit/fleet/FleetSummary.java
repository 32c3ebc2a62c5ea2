package dev.tracekit.fleet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The summary's sections as Spark tables, each complete and in the order the analyzer lists it (the
 * table output shows the first rows of each). Column names are the analyzer's JSON field names.
 */
public record FleetSummary(
        Dataset<Row> recordings,
        Dataset<Row> families,
        Dataset<Row> topSyscalls,
        Dataset<Row> topProcesses,
        Dataset<Row> topCommands,
        Dataset<Row> topServices,
        Dataset<Row> topFiles,
        Dataset<Row> failedOpens,
        Dataset<Row> signals) {

    /** The sections by the names the analyzer's JSON and CSV give them, in reading order. */
    public Map<String, Dataset<Row>> sections() {
        Map<String, Dataset<Row>> sections = new LinkedHashMap<>();
        sections.put("recordings", recordings);
        sections.put("families", families);
        sections.put("top_syscalls", topSyscalls);
        sections.put("top_processes", topProcesses);
        sections.put("top_commands", topCommands);
        sections.put("top_services", topServices);
        sections.put("top_files", topFiles);
        sections.put("failed_opens", failedOpens);
        sections.put("signals", signals);
        return sections;
    }
}
