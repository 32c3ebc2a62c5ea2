package dev.tracekit.analyzer.cli;

import picocli.CommandLine.Option;

/** {@code --follow}: the verbs that list rows (or tables per interval) keep reading a recording as it is written. */
final class FollowOptions {
    @Option(names = "--follow", description = "Like tail -f: the rows already recorded (only new ones with --since now), "
            + "then new rows as the recorder writes them, across rotation, until the recorder stops (exit 0) or dies "
            + "(exit 1). Takes one recording directory.")
    boolean on;
}
