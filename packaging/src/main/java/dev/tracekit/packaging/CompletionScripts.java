package dev.tracekit.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Shell completion from the model, by picocli's AutoComplete: verbs, options, and the candidates options name
 * (event families, signal names, syscall names). One script serves both shells: zsh runs it through its
 * bash-completion emulation, as picocli's script is written to allow.
 */
final class CompletionScripts {
    /** The function picocli's script defines for a command named {@code tracekit}. */
    static final String FUNCTION = "_complete_tracekit";

    private CompletionScripts() {
    }

    static String bash(CommandLine tracekit) {
        return AutoComplete.bash("tracekit", tracekit);
    }

    /**
     * A zsh completion function file ({@code _tracekit} on fpath): zsh autoloads it on the first completion, so
     * it runs the script (which loads zsh's bash emulation itself) and then completes that first word; later
     * completions go straight to the function the script registered with {@code complete}.
     */
    static String zsh(CommandLine tracekit) {
        return "#compdef tracekit\n"
                // The script aliases bash's compopt for zsh, but an alias made while zsh loads this file does not
                // reach the functions defined in it: they would say "command not found: compopt" on every TAB.
                + "compopt() { : }\n"
                + bash(tracekit)
                + "\n_bash_complete -F " + FUNCTION + " \"$@\"\n";
    }

    static void write(CommandLine tracekit, Path bashFile, Path zshFile) throws IOException {
        Files.createDirectories(bashFile.getParent());
        Files.createDirectories(zshFile.getParent());
        Files.writeString(bashFile, bash(tracekit), StandardCharsets.UTF_8);
        Files.writeString(zshFile, zsh(tracekit), StandardCharsets.UTF_8);
    }
}
