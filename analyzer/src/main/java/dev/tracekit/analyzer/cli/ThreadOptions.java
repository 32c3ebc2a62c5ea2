package dev.tracekit.analyzer.cli;

import picocli.CommandLine.Option;

/** How many threads decode blocks. */
public final class ThreadOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads decoding blocks (default: the number of cores).")
    Integer threads;

    int count() {
        return threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
