package dev.tracekit.packaging;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run by the build (this module's package phase): writes {@code man/man1/*.1}, {@code bash-completion/tracekit}
 * and {@code zsh/_tracekit} under the directory given, where scripts/package.sh picks them up.
 */
public final class CommandDocs {
    private CommandDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CommandDocs OUTPUT_DIRECTORY VERSION");
        }
        Path out = Path.of(args[0]);
        var tracekit = CommandModel.tracekit();
        ManPages.write(tracekit, args[1], out.resolve("asciidoc"), out.resolve("man/man1"));
        CompletionScripts.write(tracekit, out.resolve("bash-completion/tracekit"), out.resolve("zsh/_tracekit"));
    }
}
