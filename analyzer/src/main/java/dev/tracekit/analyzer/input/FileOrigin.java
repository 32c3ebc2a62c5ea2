package dev.tracekit.analyzer.input;

import java.nio.file.Path;

/** Where a recording file's bytes are: a file of its own, or an entry of a bundle read front to back. */
public sealed interface FileOrigin {
    /** The name warnings and errors use. */
    String displayName();

    record PlainFile(Path path) implements FileOrigin {
        @Override
        public String displayName() {
            return path.toString();
        }
    }

    record BundleEntry(Path bundle, String entryName) implements FileOrigin {
        @Override
        public String displayName() {
            return bundle + "!" + entryName;
        }
    }
}
