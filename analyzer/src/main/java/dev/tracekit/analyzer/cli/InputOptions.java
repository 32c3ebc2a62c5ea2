package dev.tracekit.analyzer.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Which recordings to read; shared by every verb that reads one set of recordings. */
public final class InputOptions {
    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recording directories, .avro files or bundles (.tar, .tar.gz, .tgz, .tar.zst); "
                    + "several recordings and hosts may be mixed.")
    List<Path> paths;

    @Mixin
    ThreadOptions threads;

    int threadCount() {
        return threads.count();
    }
}
