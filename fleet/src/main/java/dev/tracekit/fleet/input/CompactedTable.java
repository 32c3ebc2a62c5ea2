package dev.tracekit.fleet.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A compacted table on any Hadoop file system: recordings' records as Parquet under
 * {@code data/host=H/day=D/family=F/source=S/}, and numbered snapshots under {@code snapshots/} that say which
 * Parquet files hold which recording file. A snapshot is written under a temporary name and renamed into
 * place, so a reader sees either the previous snapshot or the next one whole; Parquet files are only ever
 * added, so the files of the snapshot a reader took stay where they were while others compact. The marker
 * file {@value #MARKER} tells a table from a directory of recordings.
 */
public final class CompactedTable {
    public static final String MARKER = "_tracekit_table";
    static final String DATA = "data";
    private static final String SNAPSHOTS = "snapshots";
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{8})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path root;
    private final long version;
    private final List<Entry> snapshot;

    private CompactedTable(FileSystem fs, Path root, long version, List<Entry> snapshot) {
        this.fs = fs;
        this.root = root;
        this.version = version;
        this.snapshot = snapshot;
    }

    /**
     * One recording file as compacted.
     *
     * @param source  where the Avro file was ({@link RecordingFile#uri()}), also the rows' {@code file_path}
     * @param bytes   its length when compacted: a file that has grown since (a recording still being written)
     *                is compacted again
     * @param header  the header facts ({@code tracekit.*} keys of {@link RecordingMeta}), and the file's process
     *                snapshot in base64 under {@code tracekit.process_snapshot} when it has one
     * @param warning the damage found in it, as the analyzer words it; null when whole
     * @param data    its Parquet files, relative to the table
     */
    public record Entry(String source, String stream, long seq, long bytes, Map<String, String> header, String warning,
            List<String> data) {

        Optional<String> damage() {
            return Optional.ofNullable(warning);
        }

        RecordingFile file(CompactedTable table) {
            RecordingMeta meta = RecordingMeta.readFrom(key -> {
                String value = header.get(key);
                return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            });
            List<String> files = data.stream().map(name -> table.fs.makeQualified(new Path(table.root, name)).toString())
                    .toList();
            String snapshot = header.get(RecordingMeta.KEY_PROCESS_SNAPSHOT);
            return new RecordingFile(source, meta, RecordingStream.valueOf(stream), seq,
                    snapshot == null ? null : Base64.getDecoder().decode(snapshot), Optional.of(files));
        }

        static Map<String, String> header(RecordingFile file) {
            RecordingMeta meta = file.meta();
            Map<String, String> header = new LinkedHashMap<>();
            header.put(RecordingMeta.KEY_SCHEMA_VERSION, meta.schemaVersion().toString());
            header.put(RecordingMeta.KEY_RECORDING_ID, meta.recordingId());
            header.put(RecordingMeta.KEY_HOSTNAME, meta.hostname());
            header.put(RecordingMeta.KEY_KERNEL, meta.kernelRelease());
            header.put(RecordingMeta.KEY_ARCH, meta.arch());
            header.put(RecordingMeta.KEY_BOOT_TIME, Long.toString(meta.bootTimeWallNs()));
            header.put(RecordingMeta.KEY_BOOT_ID, meta.bootId());
            header.put(RecordingMeta.KEY_RECORDER_VERSION, meta.recorderVersion());
            header.put(RecordingMeta.KEY_COMMAND_LINE, meta.commandLine());
            header.put(RecordingMeta.KEY_FILTERS, meta.filtersJson());
            if (file.processSnapshot() != null) {
                header.put(RecordingMeta.KEY_PROCESS_SNAPSHOT, Base64.getEncoder().encodeToString(file.processSnapshot()));
            }
            return header;
        }
    }

    record Snapshot(long version, List<Entry> files) {
    }

    static boolean isTable(FileSystem fs, Path path) throws IOException {
        return fs.exists(new Path(path, MARKER));
    }

    /** The table at {@code path} as its newest snapshot has it. */
    static CompactedTable open(FileSystem fs, Path path) {
        Path root = fs.makeQualified(path);
        long newest = 0;
        try {
            for (FileStatus status : listOrEmpty(fs, new Path(root, SNAPSHOTS))) {
                Matcher m = SNAPSHOT.matcher(status.getPath().getName());
                if (m.matches()) {
                    newest = Math.max(newest, Long.parseLong(m.group(1)));
                }
            }
            if (newest == 0) {
                return new CompactedTable(fs, root, 0, List.of());
            }
            try (InputStream in = fs.open(new Path(root, SNAPSHOTS + "/" + snapshotName(newest)))) {
                return new CompactedTable(fs, root, newest, List.of(JSON.readValue(in, Snapshot.class).files()
                        .toArray(Entry[]::new)));
            }
        } catch (IOException e) {
            throw TracekitException.badInput(path + ": not a readable tracekit table (" + e.getMessage() + ")");
        }
    }

    /**
     * The table to compact into: an existing table, or a new one where nothing is yet.
     *
     * @throws TracekitException (bad input) for a file or a non-empty directory that is not a table
     */
    static CompactedTable openOrCreate(FileSystem fs, Path path) {
        try {
            if (fs.exists(path)) {
                if (isTable(fs, path)) {
                    return open(fs, path);
                }
                if (!fs.getFileStatus(path).isDirectory() || fs.listStatus(path).length > 0) {
                    throw TracekitException.badInput(path + ": not a tracekit table (no " + MARKER
                            + "); compact into a new or empty directory");
                }
            }
            fs.mkdirs(new Path(path, SNAPSHOTS));
            fs.create(new Path(path, MARKER), false).close();
            return open(fs, path);
        } catch (IOException e) {
            throw TracekitException.badInput(path + ": cannot create a table here (" + e.getMessage() + ")");
        }
    }

    /** The recording files the newest snapshot holds. */
    public List<Entry> snapshot() {
        return snapshot;
    }

    Path root() {
        return root;
    }

    FileSystem fs() {
        return fs;
    }

    /** A directory inside the table for one compaction's output before it is moved into {@code data/}. */
    Path stagingDir() {
        return new Path(root, "staging/" + UUID.randomUUID());
    }

    /**
     * Publishes the next snapshot. Two compactions at once would both aim at the same number: the rename of
     * the second fails (it finds the name taken), so it never overwrites the first's.
     */
    void publish(List<Entry> files) throws IOException {
        Path dir = new Path(root, SNAPSHOTS);
        Path temporary = new Path(dir, "." + UUID.randomUUID() + ".json");
        try (OutputStream out = fs.create(temporary, false)) {
            out.write(JSON.writeValueAsBytes(new Snapshot(version + 1, new ArrayList<>(files))));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        Path target = new Path(dir, snapshotName(version + 1));
        if (fs.exists(target) || !fs.rename(temporary, target)) {
            fs.delete(temporary, false);
            throw new IOException("another compaction published snapshot " + (version + 1) + " first; run again");
        }
    }

    private static String snapshotName(long version) {
        return String.format("snapshot-%08d.json", version);
    }

    private static FileStatus[] listOrEmpty(FileSystem fs, Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }
}
