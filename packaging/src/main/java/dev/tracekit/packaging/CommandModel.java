package dev.tracekit.packaging;

import dev.tracekit.analyzer.cli.CommandLineFactory;
import dev.tracekit.recorder.RecordCommand;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/**
 * The whole {@code tracekit} command as bin/tracekit presents it: the analyzer's verbs plus the recorder's
 * {@code record}, which live in two jars that must not depend on each other, and the launcher script's
 * {@code watch}, which composes the two. Only documentation is made
 * from this model; nothing runs it.
 */
final class CommandModel {
    private CommandModel() {
    }

    static CommandLine tracekit() {
        PrintWriter unused = new PrintWriter(Writer.nullWriter());
        CommandLine tracekit = CommandLineFactory.create(unused, unused);
        CommandLine record = RecordCommand.newCommandLine(unused, unused);
        // The recorder's jar runs alone and calls itself "tracekit record"; here it is the verb "record".
        record.getCommandSpec().name("record");
        tracekit.addSubcommand("record", record);
        tracekit.addSubcommand("watch", WatchCommandSpec.of(record));
        return tracekit;
    }
}
