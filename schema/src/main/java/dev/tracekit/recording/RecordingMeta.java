package dev.tracekit.recording;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.file.DataFileWriter;

/**
 * Facts about a recording carried in the header of every one of its Avro files, so that one file copied
 * alone is still analysable: which host, kernel and architecture it came from, when that host booted (to
 * turn boot-clock timestamps into UTC), what recorded it and how.
 *
 * @param schemaVersion   version of tracekit's schemas the file was written with (see schema/README.md)
 * @param recordingId     identifies the recording across its files (a UUID), whatever the directory names
 * @param hostname        host the recording was made on
 * @param kernelRelease   {@code uname -r} of that host
 * @param arch            {@code uname -m} of that host; syscall numbers and open flags are decoded with it
 * @param bootTimeWallNs  wall-clock time of boot, ns since the epoch, at the start of the recording
 * @param bootId          the kernel's random boot id (/proc/sys/kernel/random/boot_id)
 * @param recorderVersion tracekit version that recorded
 * @param commandLine     the recorder's command line
 * @param filtersJson     the filters and options in force, as a JSON object
 */
public record RecordingMeta(
        SchemaVersion schemaVersion,
        String recordingId,
        String hostname,
        String kernelRelease,
        String arch,
        long bootTimeWallNs,
        String bootId,
        String recorderVersion,
        String commandLine,
        String filtersJson) {

    /** The schema version this build writes. Raise it with every schema change (schema/README.md). */
    public static final SchemaVersion CURRENT_SCHEMA_VERSION = new SchemaVersion(1, 3);

    public static final String KEY_SCHEMA_VERSION = "tracekit.schema_version";
    public static final String KEY_RECORDING_ID = "tracekit.recording_id";
    public static final String KEY_HOSTNAME = "tracekit.hostname";
    public static final String KEY_KERNEL = "tracekit.kernel_release";
    public static final String KEY_ARCH = "tracekit.arch";
    public static final String KEY_BOOT_TIME = "tracekit.boot_time_wall_ns";
    public static final String KEY_BOOT_ID = "tracekit.boot_id";
    public static final String KEY_RECORDER_VERSION = "tracekit.recorder_version";
    public static final String KEY_COMMAND_LINE = "tracekit.command_line";
    public static final String KEY_FILTERS = "tracekit.filters";
    /**
     * Per file: the host's processes and cgroups when the file was started, as {@link ProcessSnapshotCodec}
     * encodes them (since 1.1; absent from older files).
     */
    public static final String KEY_PROCESS_SNAPSHOT = "tracekit.process_snapshot";
    /**
     * Per file, optional: the pid of the recorder process that wrote it, so that a reader following the recording
     * on the same host (same boot id) can tell a recorder that died from one that has nothing to write.
     */
    public static final String KEY_RECORDER_PID = "tracekit.recorder_pid";
    /** Per file, not per recording: which stream and which file of it this is. */
    public static final String KEY_STREAM = "tracekit.stream";
    public static final String KEY_FILE_SEQ = "tracekit.file_seq";

    /** The same facts under another schema version: records read into the current schemas are written as such. */
    public RecordingMeta withSchemaVersion(SchemaVersion version) {
        return new RecordingMeta(version, recordingId, hostname, kernelRelease, arch, bootTimeWallNs, bootId,
                recorderVersion, commandLine, filtersJson);
    }

    public RecordingMeta {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(kernelRelease, "kernelRelease");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(recorderVersion, "recorderVersion");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(filtersJson, "filtersJson");
    }

    /** Writes the recording's facts and the file's own (stream, seq) into a writer before {@code create}. */
    public void writeTo(DataFileWriter<?> writer, RecordingStream stream, long fileSeq) {
        writer.setMeta(KEY_SCHEMA_VERSION, schemaVersion.toString());
        writer.setMeta(KEY_RECORDING_ID, recordingId);
        writer.setMeta(KEY_HOSTNAME, hostname);
        writer.setMeta(KEY_KERNEL, kernelRelease);
        writer.setMeta(KEY_ARCH, arch);
        writer.setMeta(KEY_BOOT_TIME, bootTimeWallNs);
        writer.setMeta(KEY_BOOT_ID, bootId);
        writer.setMeta(KEY_RECORDER_VERSION, recorderVersion);
        writer.setMeta(KEY_COMMAND_LINE, commandLine);
        writer.setMeta(KEY_FILTERS, filtersJson);
        writer.setMeta(KEY_STREAM, stream.prefix());
        writer.setMeta(KEY_FILE_SEQ, fileSeq);
    }

    /**
     * Reads the facts back from a file's header.
     *
     * @param meta the header's metadata ({@code DataFileStream::getMeta} or {@code DataFileReader::getMeta})
     * @throws IllegalArgumentException when the header is not a tracekit recording's
     */
    public static RecordingMeta readFrom(Function<String, byte[]> meta) {
        return new RecordingMeta(
                SchemaVersion.parse(required(meta, KEY_SCHEMA_VERSION)),
                required(meta, KEY_RECORDING_ID),
                required(meta, KEY_HOSTNAME),
                required(meta, KEY_KERNEL),
                required(meta, KEY_ARCH),
                Long.parseLong(required(meta, KEY_BOOT_TIME)),
                required(meta, KEY_BOOT_ID),
                required(meta, KEY_RECORDER_VERSION),
                required(meta, KEY_COMMAND_LINE),
                required(meta, KEY_FILTERS));
    }

    private static String required(Function<String, byte[]> meta, String key) {
        byte[] value = meta.apply(key);
        if (value == null) {
            throw new IllegalArgumentException("not a tracekit recording: header has no " + key);
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The UTC wall-clock ns of a boot-clock timestamp, by the boot time in the header. */
    public long wallNs(long bootNs) {
        return bootTimeWallNs + bootNs;
    }
}
