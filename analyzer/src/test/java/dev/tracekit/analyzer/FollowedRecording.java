package dev.tracekit.analyzer;

import dev.tracekit.analyzer.input.Catalog;
import dev.tracekit.analyzer.input.Diagnostics;
import dev.tracekit.analyzer.input.InputScanner;
import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.input.RecordingReader;
import dev.tracekit.recording.RecordingStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A fixture's recording with its process timeline followed through its procs records, as a session does first. */
public final class FollowedRecording {
    private FollowedRecording() {
    }

    /** The first recording in {@code dir}, whose {@link Recording#timeline()} then knows every process it recorded. */
    public static Recording of(Path dir) {
        Diagnostics diagnostics = new Diagnostics();
        Catalog catalog = InputScanner.scan(List.of(dir), diagnostics);
        Recording recording = catalog.recordings().getFirst();
        ProcessTimeline.Builder builder = new ProcessTimeline.Builder(recording.processes());
        new RecordingReader(catalog, diagnostics, 1).readOrdered(Set.of(RecordingStream.PROCS), builder);
        recording.follow(builder.build());
        return recording;
    }
}
