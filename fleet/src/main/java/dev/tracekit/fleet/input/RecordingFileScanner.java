package dev.tracekit.fleet.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.input.ContainerFraming;
import dev.tracekit.recording.ReadPath;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the recording files under the given paths on any file system Hadoop reads (local, HDFS, S3) and
 * reads each one's Avro header on the driver: the header, not the directory name, says which host and
 * recording a file belongs to. Only the header and the block framing are read, so this costs a few small reads
 * per block. The same
 * file met twice (overlapping paths, a copied file) counts once, as in the analyzer.
 */
public final class RecordingFileScanner {
    private final Configuration hadoop;
    private final List<RecordingFile> files = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private final Map<String, String> damage = new HashMap<>();

    private RecordingFileScanner(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * The files found and what was not used.
     *
     * @param notes files skipped because they are not a recording's
     * @param lost  recording files that could not be read, so results miss them
     * @param damage the warning of each file read only up to damage, by {@link RecordingFile#key()}
     */
    public record Scan(List<RecordingFile> files, List<String> notes, List<String> lost, Map<String, String> damage) {
    }

    /** @throws TracekitException (bad input) for a missing path, a named non-recording, or no recordings at all */
    public static Scan scan(Configuration hadoop, List<String> inputs) {
        RecordingFileScanner scanner = new RecordingFileScanner(hadoop);
        for (String input : inputs) {
            scanner.scanInput(input);
        }
        if (scanner.files.isEmpty()) {
            throw TracekitException.badInput("no tracekit recordings found in " + String.join(", ", inputs));
        }
        return new Scan(List.copyOf(scanner.files), List.copyOf(scanner.notes), List.copyOf(scanner.lost),
                Map.copyOf(scanner.damage));
    }

    private void scanInput(String input) {
        Path path = new Path(input);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDirectory()) {
                scanFile(fs, status.getPath(), true);
                return;
            }
            if (CompactedTable.isTable(fs, path)) {
                scanTable(CompactedTable.open(fs, path));
                return;
            }
            List<Path> found = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> listing = fs.listFiles(path, true);
            while (listing.hasNext()) {
                Path file = listing.next().getPath();
                if (file.getName().endsWith(".avro")) {
                    found.add(file);
                }
            }
            if (found.isEmpty()) {
                throw TracekitException.badInput(input + ": no recording files (*.avro) in this directory");
            }
            found.sort(null);
            for (Path file : found) {
                scanFile(fs, file, false);
            }
        } catch (FileNotFoundException e) {
            throw TracekitException.badInput(input + ": no such file or directory");
        } catch (IOException e) {
            throw TracekitException.badInput(input + ": cannot list: " + e.getMessage());
        }
    }

    /** A compacted table's files as its newest snapshot lists them, with the damage found when they were compacted. */
    private void scanTable(CompactedTable table) {
        for (CompactedTable.Entry entry : table.snapshot()) {
            RecordingFile found = entry.file(table);
            if (seen.add(found.key())) {
                files.add(found);
                entry.damage().ifPresent(warning -> {
                    lost.add(warning);
                    damage.put(found.key(), warning);
                });
            }
        }
    }

    private void scanFile(FileSystem fs, Path file, boolean named) throws IOException {
        if (!file.getName().endsWith(".avro")) {
            throw TracekitException.badInput(file + ": not an .avro file (fleet reads recording directories and "
                    + ".avro files; unpack bundles first)");
        }
        Path qualified = fs.makeQualified(file);
        Optional<RecordingFile> header;
        try (FSDataInputStream in = fs.open(qualified);
                DataFileStream<Object> avro = new DataFileStream<>(in, new GenericDatumReader<>())) {
            header = header(sparkFilePath(qualified), avro);
        } catch (IOException e) {
            lost.add(file + ": header unreadable (" + e.getMessage() + "); file skipped");
            return;
        }
        if (header.isEmpty()) {
            if (named) {
                throw TracekitException.badInput(file + ": not a tracekit recording");
            }
            notes.add(file + ": not a tracekit recording file; skipped");
            return;
        }
        RecordingFile found = header.get();
        if (seen.add(found.key())) {
            files.add(found);
            checkFraming(fs, qualified, file).ifPresent(warning -> {
                lost.add(warning);
                damage.put(found.key(), warning);
            });
        }
    }

    /**
     * Spark reads a file cut short (a recorder killed mid-write) up to the damage and only logs it; the result
     * then misses records, so the damage is found here, as the analyzer reports it. Blocks are stepped over,
     * not read: a few small reads per block.
     */
    private Optional<String> checkFraming(FileSystem fs, Path qualified, Path file) {
        try (FSDataInputStream in = fs.open(qualified)) {
            return ContainerFraming.firstBreak(in).map(found -> found.warning(file.toString()));
        } catch (IOException e) {
            return Optional.of(file + ": unreadable (" + e.getMessage() + "); read up to where Spark could");
        }
    }

    /**
     * The file's URI spelled as Spark's {@code _metadata.file_path} spells it, so the two join: listings may
     * say {@code file:///tmp/x} where Spark says {@code file:/tmp/x} (same file, empty authority).
     */
    static String sparkFilePath(Path qualified) {
        URI uri = qualified.toUri();
        if (uri.getScheme() != null && (uri.getAuthority() == null || uri.getAuthority().isEmpty())) {
            return uri.getScheme() + ":" + uri.getRawPath();
        }
        return uri.toString();
    }

    private static Optional<RecordingFile> header(String uri, DataFileStream<Object> avro) {
        RecordingMeta meta;
        try {
            meta = RecordingMeta.readFrom(avro::getMeta);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!RecordingMeta.CURRENT_SCHEMA_VERSION.reads(meta.schemaVersion())) {
            throw TracekitException.badInput(uri + ": written with schema version " + meta.schemaVersion()
                    + ", a major version this tracekit does not read (it reads "
                    + RecordingMeta.CURRENT_SCHEMA_VERSION.major() + ".x); use a newer tracekit");
        }
        Optional<RecordingStream> stream = RecordingStream.ofSchema(avro.getSchema());
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try {
            // spark-avro reads every file through the current schema (StreamLoader): one it cannot resolve would
            // fail the job midway, so it is refused here, before any job runs, as the analyzer refuses it.
            ReadPath.of(avro.getSchema(), stream.get());
        } catch (IllegalArgumentException e) {
            throw TracekitException.badInput(uri + " (schema version " + meta.schemaVersion() + "): " + e.getMessage());
        }
        byte[] seq = avro.getMeta(RecordingMeta.KEY_FILE_SEQ);
        long fileSeq;
        try {
            fileSeq = seq == null ? 0 : Long.parseLong(new String(seq, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            fileSeq = 0;
        }
        return Optional.of(new RecordingFile(uri, meta, stream.get(), fileSeq,
                avro.getMeta(RecordingMeta.KEY_PROCESS_SNAPSHOT), Optional.empty()));
    }
}
