package dev.tracekit.testdata;

import dev.tracekit.names.Arch;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.SchemaVersion;
import java.util.UUID;

/**
 * A made-up host a synthetic recording comes from. Everything is derived from the seed, so the same host
 * always yields byte-identical files.
 *
 * @param bootTimeWallNs wall-clock ns since the epoch at which the host booted
 * @param startBootNs    boot-clock ns at which the recording starts
 */
record SyntheticHost(String hostname, Arch arch, String kernelRelease, long bootTimeWallNs, long startBootNs,
        long seed) {

    /** @param version the schema version the files say they were written with (and are: see RecordingFileWriter) */
    RecordingMeta meta(SchemaVersion version, String commandLine, String filtersJson) {
        return new RecordingMeta(
                version,
                new UUID(seed, ~seed).toString(),
                hostname,
                kernelRelease,
                arch.unameName(),
                bootTimeWallNs,
                new UUID(~seed, seed).toString(),
                "tracekit-testdata",
                commandLine,
                filtersJson);
    }

    /** The fixed 16-byte block marker of one file: Avro's default is random, which would defeat reproducibility. */
    byte[] syncMarker(String fileName) {
        long a = seed * 0x9E3779B97F4A7C15L ^ fileName.hashCode();
        long b = Long.rotateLeft(a, 29) * 0xBF58476D1CE4E5B9L;
        byte[] marker = new byte[16];
        for (int i = 0; i < 8; i++) {
            marker[i] = (byte) (a >>> (8 * i));
            marker[8 + i] = (byte) (b >>> (8 * i));
        }
        return marker;
    }
}
