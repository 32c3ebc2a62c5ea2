package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.export.AvroExporter;
import dev.tracekit.analyzer.export.ParquetTableWriter;
import dev.tracekit.analyzer.render.CsvWriter;
import dev.tracekit.analyzer.render.NdjsonWriter;
import dev.tracekit.analyzer.render.RenderOptions;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.analyzer.report.ExportRows;
import dev.tracekit.recording.CodecSpec;
import dev.tracekit.recording.FamilyNameList;
import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.avro.file.CodecFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Filtered records with every field: NDJSON (jq, DuckDB) or CSV (spreadsheets) of one family, "
                + "Parquet (DuckDB, pandas/pyarrow, Polars, Spark) of one family, "
                + "or Avro recordings (Spark, or tracekit itself) of one or all families.")
final class ExportCommand implements Callable<Integer> {
    enum Format { ndjson, csv, parquet, avro }

    @Mixin
    InputOptions input;

    @Mixin
    FilterOptions filterOptions;

    @Mixin
    FollowOptions follow;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ndjson",
            description = "ndjson, csv, parquet or avro. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--codec", paramLabel = "CODEC", defaultValue = CodecSpec.DEFAULT,
            description = "avro: zstd[:LEVEL], deflate[:LEVEL], snappy or none; deflate or snappy for readers "
                    + "without zstd, such as DuckDB's Avro extension. Default: ${DEFAULT-VALUE}.")
    String codec;

    @Option(names = "--family", paramLabel = "FAMILY", completionCandidates = FamilyNameList.class,
            description = "opens, kills, procs, syscall-events or syscall-counts (all of them for avro when omitted).")
    String family;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "avro: the directory to create recordings in (required); parquet: a new file (required); "
                    + "ndjson/csv: a new file (default: stdout).")
    Path output;

    @Option(names = "--force", description = "ndjson/csv/parquet: overwrite the -o file if it exists (recordings written "
            + "by --format avro are never overwritten).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format != Format.avro && output != null) {
            OutputFile.checkNew(output, force); // before reading: a refused run should cost nothing
        }
        if (follow.on && (format == Format.avro || format == Format.parquet)) {
            throw TracekitException.badInput("--follow streams rows: use --format ndjson or csv");
        }
        AnalysisSession session = AnalysisSession.open(input, filterOptions.toSpec(), follow.on);
        if (format == Format.avro) {
            if (output == null) {
                throw TracekitException.badInput("export --format avro needs -o DIRECTORY");
            }
            Set<RecordingStream> streams = family == null
                    ? EnumSet.complementOf(EnumSet.of(RecordingStream.INTERVALS)) : EnumSet.of(stream(family));
            try (AvroExporter exporter = new AvroExporter(output, codec(codec))) {
                session.replay(streams, exporter);
            } catch (IOException e) {
                throw TracekitException.badInput(output + ": cannot write: " + e.getMessage());
            }
        } else {
            if (spec.commandLine().getParseResult().hasMatchedOption("--codec")) {
                throw TracekitException.badInput("--codec is for --format avro; " + format + " has no codec choice");
            }
            if (family == null) {
                throw TracekitException.badInput("export --format " + format + " needs --family (opens, kills, "
                        + "procs, syscall-events or syscall-counts)");
            }
            RecordingStream stream = stream(family);
            if (format == Format.parquet && output == null) {
                throw TracekitException.badInput("export --format parquet needs -o FILE");
            }
            PrintWriter out = output == null ? spec.commandLine().getOut()
                    : format == Format.parquet ? null : newFile(output, force);
            TableWriter writer = switch (format) {
                case csv -> new CsvWriter(out, new RenderOptions(false));
                case parquet -> new ParquetTableWriter(output, force);
                default -> new NdjsonWriter(out, new RenderOptions(false));
            };
            ExportRows rows = new ExportRows(stream, writer);
            rows.begin();
            if (follow.on) {
                LiveReplay.of(session, input, filterOptions.since, out, spec.commandLine().getErr())
                        .run(Set.of(stream), rows);
            } else {
                session.replay(Set.of(stream), rows);
            }
            rows.end();
            writer.finish();
            if (out != null && output != null) {
                out.close();
            }
        }
        return session.finish(spec.commandLine().getErr());
    }

    private static RecordingStream stream(String family) {
        String name = family.strip().toLowerCase(Locale.ROOT);
        for (RecordingStream stream : RecordingStream.values()) {
            if (stream != RecordingStream.INTERVALS && stream.prefix().equals(name)) {
                return stream;
            }
        }
        throw TracekitException.badInput("unknown family '" + family
                + "' (use opens, kills, procs, syscall-events or syscall-counts)");
    }

    private static CodecFactory codec(String spec) {
        try {
            return CodecSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw TracekitException.badInput("--codec: " + e.getMessage());
        }
    }

    private static PrintWriter newFile(Path path, boolean force) {
        try {
            return new PrintWriter(OutputFile.open(path, force));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
