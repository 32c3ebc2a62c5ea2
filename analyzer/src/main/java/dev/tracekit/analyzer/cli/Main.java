package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.render.Utf8PrintWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar tracekit-analyzer.jar VERB ...}, as bin/tracekit runs it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Straight to fd 1, not through System.out: a PrintStream swallows write errors, so a closed pipe
        // (tracekit events ... | head) would go unnoticed and the whole recording would still be read.
        PrintWriter out = new Utf8PrintWriter(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(CommandLineFactory.execute(out, err, args));
    }
}
