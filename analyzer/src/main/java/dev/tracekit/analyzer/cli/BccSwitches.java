package dev.tracekit.analyzer.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bcc switches that ask for output tracekit always prints: accepted, so a user's habit neither fails nor
 * swallows the recording that follows. opensnoop's {@code -e} (extended fields) and sigsnoop's {@code -n} (signal
 * names) are switches where every other verb's {@code -e ERRNO} and {@code -n NAME} are the shared filters, so on
 * those two verbs the filters keep only their long names ({@code --errno}, {@code --comm}).
 */
public final class BccSwitches {
    private BccSwitches() {
    }

    /** On a command line with {@code opens} and {@code kills} verbs: the analyzer's, and the fleet's. */
    public static CommandLine addTo(CommandLine tracekit) {
        CommandSpec opens = tracekit.getSubcommands().get("opens").getCommandSpec();
        takeOver(opens, "-e", "opensnoop -e (extended fields): accepted; FLAGS is always shown. The errno filter is --errno.");
        accept(opens, "-T", "opensnoop -T (timestamps): accepted; TIME is always shown.");
        accept(opens, "-U", "opensnoop -U (print UID): accepted; UID is always shown.");
        CommandSpec kills = tracekit.getSubcommands().get("kills").getCommandSpec();
        takeOver(kills, "-n", "sigsnoop -n (signal names): accepted; SIG is always a name. The name filter is --comm.");
        return tracekit;
    }

    /** Takes {@code flag} away from the shared option that has it and makes it the tool's switch. */
    private static void takeOver(CommandSpec verb, String flag, String description) {
        OptionSpec shared = verb.findOption(flag);
        verb.remove(shared);
        verb.addOption(OptionSpec.builder(shared)
                .names(Arrays.stream(shared.names()).filter(name -> !name.equals(flag)).toArray(String[]::new))
                .build());
        accept(verb, flag, description);
    }

    private static void accept(CommandSpec verb, String flag, String description) {
        verb.addOption(OptionSpec.builder(flag).arity("0").type(boolean.class).description(description).build());
    }
}
