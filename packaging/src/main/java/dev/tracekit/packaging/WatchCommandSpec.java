package dev.tracekit.packaging;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code tracekit watch} as its man page and completion describe it. The verb itself is a launcher script
 * (lib/tracekit-watch) that runs the recorder and a follower, so it has no picocli class of its own: its model is
 * a view name, then every option of {@code record}, then after {@code --} the options of the view.
 */
final class WatchCommandSpec {
    /** The views the launcher script accepts, in the order its usage line gives them. */
    static final List<String> VIEWS = List.of("opens", "kills", "procs", "syscalls", "top");

    private WatchCommandSpec() {
    }

    static CommandLine of(CommandLine record) {
        CommandSpec watch = CommandSpec.create().name("watch");
        watch.usageMessage()
                .customSynopsis("tracekit watch opens|kills|procs|syscalls|top [RECORD OPTIONS] [-- VIEW OPTIONS]")
                .description("Record this host and show the recording as it grows. Needs root.",
                        "Records (as tracekit record) into -o DIR or a new directory under "
                                + "/var/tmp whose path it prints, and shows the recording as it grows, as "
                                + "tracekit VIEW DIR --follow does: the opensnoop, killsnoop, execsnoop and syscount "
                                + "replacement that keeps the evidence.",
                        "Without --events it records what the view needs (top: syscalls, opens, kills and procs). "
                                + "Ctrl-C or SIGTERM stops both and says where the recording is and what it holds; "
                                + "the same directory can be analysed later with any verb.");
        watch.addPositional(PositionalParamSpec.builder().index("0").paramLabel("VIEW").type(String.class)
                .completionCandidates(VIEWS).description("What to show: " + String.join(", ", VIEWS) + ".").build());
        watch.addPositional(PositionalParamSpec.builder().index("1..*").paramLabel("VIEW OPTIONS").arity("0..*")
                .type(String[].class)
                .description("After --: options of tracekit VIEW --follow (filters, --format, --with, ...).")
                .build());
        for (OptionSpec option : record.getCommandSpec().options()) {
            watch.addOption(OptionSpec.builder(option).build());
        }
        return new CommandLine(watch);
    }
}
