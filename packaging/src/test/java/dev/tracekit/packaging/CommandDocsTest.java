package dev.tracekit.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CommandDocsTest {
    @TempDir
    Path dir;

    @Test
    void writesOneManPagePerVerbWithEveryVisibleOptionOfTheModel() throws IOException {
        CommandLine tracekit = CommandModel.tracekit();
        List<Path> pages = ManPages.write(tracekit, "9.8.7", dir.resolve("adoc"), dir.resolve("man1"));

        Set<String> expected = new TreeSet<>();
        expected.add("tracekit.1");
        tracekit.getSubcommands().keySet().forEach(verb -> expected.add("tracekit-" + verb + ".1"));
        Set<String> written = new TreeSet<>();
        pages.forEach(page -> written.add(page.getFileName().toString()));
        assertEquals(expected, written);
        assertTrue(expected.contains("tracekit-record.1"), "record is a verb of the model");
        assertTrue(expected.contains("tracekit-watch.1"), "the launcher script's watch is a verb of the model");
        String watch = Files.readString(dir.resolve("man1/tracekit-watch.1"));
        for (String view : WatchCommandSpec.VIEWS) {
            assertTrue(watch.contains(view), "watch page names the view " + view);
        }

        for (CommandLine verb : tracekit.getSubcommands().values()) {
            String page = Files.readString(dir.resolve("man1/tracekit-" + verb.getCommandName() + ".1"));
            assertTrue(page.contains(".TH \"TRACEKIT\\-" + verb.getCommandName().toUpperCase() + "\" \"1\""), page);
            assertTrue(page.contains("tracekit 9.8.7"), "the release version in the footer");
            for (OptionSpec option : verb.getCommandSpec().options()) {
                if (!option.hidden()) {
                    // troff escapes every '-' of an option name
                    assertTrue(page.contains(option.longestName().replace("-", "\\-")),
                            verb.getCommandName() + " page lacks " + option.longestName());
                }
            }
        }
    }

    @Test
    void completionOffersVerbsOptionsFamiliesSignalsAndSyscalls() {
        CommandLine tracekit = CommandModel.tracekit();
        String bash = CompletionScripts.bash(tracekit);
        for (String verb : tracekit.getSubcommands().keySet()) {
            assertTrue(bash.contains("function _picocli_tracekit_" + verb + "()"), verb);
        }
        for (String word : List.of("--failed-only", "--exclude-signal", "--path-regex", "kernel-signals",
                "syscall-counts", "SIGTERM", "SIGRTMIN+3", "openat", "execve")) {
            assertTrue(bash.contains(word), word);
        }
        String zsh = CompletionScripts.zsh(tracekit);
        assertTrue(zsh.startsWith("#compdef tracekit\ncompopt() { : }\n"), "zsh autoloads it by its first line");
        assertTrue(zsh.contains(bash));
        assertTrue(zsh.strip().endsWith("_bash_complete -F " + CompletionScripts.FUNCTION + " \"$@\""));
        assertTrue(bash.contains("function " + CompletionScripts.FUNCTION + "()"));
    }
}
