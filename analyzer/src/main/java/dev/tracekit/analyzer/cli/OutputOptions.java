package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.render.CsvWriter;
import dev.tracekit.analyzer.render.NdjsonWriter;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.render.TextTableWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How results are printed; shared by every verb, the fleet's too. */
public final class OutputOptions {
    enum Format { table, json, csv }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned, for people), json (NDJSON, one object per line) or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--relative", description = "Show times as seconds since the recording's start instead of UTC.")
    boolean relative;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N rows per listing.")
    Integer limit;

    public TableWriter writer(PrintWriter out) {
        RenderOptions options = new RenderOptions(relative);
        return switch (format) {
            case table -> new TextTableWriter(out, options);
            case json -> new NdjsonWriter(out, options);
            case csv -> new CsvWriter(out, options);
        };
    }

    /** The row limit, or null when none was given (a replay then shows every row). */
    public Integer limit() {
        return limit;
    }

    /** The row limit, or {@code fallback} when none was given. */
    public int limitOr(int fallback) {
        return limit == null ? fallback : limit;
    }
}
