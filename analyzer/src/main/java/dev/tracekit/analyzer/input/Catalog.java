package dev.tracekit.analyzer.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tracekit.recording.RecordingStream;

/**
 * The recordings found in the inputs and where each of their files is. Plain files are read in stream and
 * sequence order; bundle entries in archive order (the recorder packs them sorted, which is the same order).
 */
public final class Catalog {
    private final List<Recording> recordings;
    private final List<Located> plainFiles;
    private final Map<Path, Map<String, Located>> bundles;

    /** A file and the recording it belongs to. */
    record Located(Recording recording, RecordingFile file) {
    }

    Catalog(List<Recording> recordings, List<Located> plainFiles, Map<Path, Map<String, Located>> bundles) {
        this.recordings = List.copyOf(recordings);
        this.plainFiles = List.copyOf(plainFiles);
        this.bundles = bundles;
    }

    /** Recordings ordered by host, then recording id; {@link Recording#index()} is the position here. */
    public List<Recording> recordings() {
        return recordings;
    }

    /** This catalog narrowed to one recording's files: recordings read side by side each get one. */
    Catalog of(Recording recording) {
        Map<Path, Map<String, Located>> itsBundles = new LinkedHashMap<>();
        bundles.forEach((bundle, entries) -> entries.forEach((name, located) -> {
            if (located.recording() == recording) {
                itsBundles.computeIfAbsent(bundle, b -> new LinkedHashMap<>()).put(name, located);
            }
        }));
        return new Catalog(recordings, plainFiles.stream().filter(l -> l.recording() == recording).toList(), itsBundles);
    }

    /** Receives one file's bytes from its start; the stream must not be closed. */
    interface FileHandler {
        void file(Recording recording, RecordingFile file, InputStream content) throws IOException;
    }

    /** Hands every file of the given streams to the handler, each once; unreadable files become warnings. */
    void forEachFile(Set<RecordingStream> streams, FileHandler handler, Diagnostics diagnostics) {
        for (Located located : plainFiles) {
            if (!streams.contains(located.file().stream())) {
                continue;
            }
            Path path = ((FileOrigin.PlainFile) located.file().origin()).path();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
                handler.file(located.recording(), located.file(), in);
            } catch (IOException e) {
                diagnostics.inputLost(path + ": cannot read: " + e.getMessage());
            }
        }
        for (Map.Entry<Path, Map<String, Located>> bundle : bundles.entrySet()) {
            Map<String, Located> entries = bundle.getValue();
            if (entries.values().stream().noneMatch(l -> streams.contains(l.file().stream()))) {
                continue;
            }
            Set<String> done = new HashSet<>();
            try {
                BundleArchive.forEachAvroEntry(bundle.getKey(), (name, content) -> {
                    Located located = entries.get(name);
                    if (located != null && streams.contains(located.file().stream()) && done.add(name)) {
                        handler.file(located.recording(), located.file(), content);
                    }
                });
            } catch (IOException e) {
                diagnostics.inputLost(bundle.getKey() + ": damaged bundle: " + e.getMessage());
            }
        }
    }
}
