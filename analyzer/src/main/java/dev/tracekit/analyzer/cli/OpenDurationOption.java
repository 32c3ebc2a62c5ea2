package dev.tracekit.analyzer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** opensnoop's {@code -d}, for the analyzer's opens verb and the fleet's: an {@code --until} of the verb's filters. */
public final class OpenDurationOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec verb;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION",
            description = "Only the first DURATION of the recording (opensnoop -d: seconds, or 10s, 5m); same as --until +DURATION.")
    void firstOf(String duration) {
        FilterOptions.of(verb).until = "+" + duration.strip();
    }
}
