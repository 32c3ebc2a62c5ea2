package dev.tracekit.analyzer.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which recordings to read and with how many threads; shared by every verb. */
public final class InputOptions {
    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recording directories, .avro files or bundles (.tar, .tar.gz, .tgz, .tar.zst); "
                    + "several recordings and hosts may be mixed.")
    List<Path> paths;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads decoding blocks (default: the number of cores).")
    Integer threads;

    int threadCount() {
        return threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
