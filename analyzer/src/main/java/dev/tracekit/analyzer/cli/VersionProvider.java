package dev.tracekit.analyzer.cli;

import dev.tracekit.recording.TracekitVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of the analyzer and the fleet: tracekit's one version string, as the recorder prints it. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tracekit " + TracekitVersion.get()};
    }
}
