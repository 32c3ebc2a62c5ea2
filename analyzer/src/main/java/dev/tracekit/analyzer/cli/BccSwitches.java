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

    /** On the {@code opens} and {@code kills} verbs of a command line, those it has: the analyzer's, and the fleet's. */
    public static CommandLine addTo(CommandLine tracekit) {
        CommandLine opensVerb = tracekit.getSubcommands().get("opens");
        if (opensVerb != null) { // a command line built for another verb has none
            CommandSpec opens = opensVerb.getCommandSpec();
            takeOver(opens, "-e", "opensnoop -e (extended fields): accepted; FLAGS is always shown. The errno filter is --errno.");
            accept(opens, "-T", "opensnoop -T (timestamps): accepted; TIME is always shown.");
            accept(opens, "-U", "opensnoop -U (print UID): accepted; UID is always shown.");
        }
        CommandLine killsVerb = tracekit.getSubcommands().get("kills");
        if (killsVerb != null) {
            takeOver(killsVerb.getCommandSpec(), "-n",
                    "sigsnoop -n (signal names): accepted; SIG is always a name. The name filter is --comm.");
        }
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
