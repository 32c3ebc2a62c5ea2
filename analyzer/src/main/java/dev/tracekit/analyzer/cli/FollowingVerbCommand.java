package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.recording.RecordingStream;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine.Mixin;

/** A verb that can go on as the recording grows ({@code --follow}, {@code --since now}). */
abstract class FollowingVerbCommand extends VerbCommand {
    @Mixin
    FollowOptions follow;

    @Override
    final boolean follows() {
        return follow.on;
    }

    /** Replays the streams into the visitor; with {@code --follow}, goes on as the recording grows. */
    final void replay(AnalysisSession session, Set<RecordingStream> streams, RecordVisitor visitor) {
        if (follow.on) {
            live(session).run(streams, visitor);
        } else {
            session.replay(streams, visitor);
        }
    }

    /** The follower of this verb's recording. */
    final LiveReplay live(AnalysisSession session) {
        return live(session, spec.commandLine().getErr());
    }

    /** The follower of this verb's recording, saying what it has to say on stderr to {@code err}. */
    final LiveReplay live(AnalysisSession session, PrintWriter err) {
        return LiveReplay.of(session, input, filterOptions.since, spec.commandLine().getOut(), err);
    }
}
