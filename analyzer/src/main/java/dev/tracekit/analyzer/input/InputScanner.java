package dev.tracekit.analyzer.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the recordings in the paths given on the command line: directories (searched recursively for
 * {@code .avro} files and bundles), single files and bundles. Files are grouped into recordings by the recording id in
 * their headers, never by directory names; the same file met twice (a directory and its bundle) counts once.
 * Interval statistics are read here, so that every recording's span and losses are known before its events.
 */
public final class InputScanner {
    private final Diagnostics diagnostics;
    private final Map<String, RecordingBuilder> byId = new LinkedHashMap<>();

    private InputScanner(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** @throws TracekitException (bad input) for a missing path, a non-recording or inputs with no recordings */
    public static Catalog scan(List<Path> inputs, Diagnostics diagnostics) {
        InputScanner scanner = new InputScanner(diagnostics);
        for (Path input : inputs) {
            scanner.scanInput(input);
        }
        if (scanner.byId.isEmpty()) {
            throw TracekitException.badInput("no tracekit recordings found in " + String.join(", ",
                    inputs.stream().map(Path::toString).toList()));
        }
        return scanner.catalog();
    }

    private void scanInput(Path input) {
        if (!Files.exists(input)) {
            throw TracekitException.badInput(input + ": no such file or directory");
        }
        if (Files.isDirectory(input)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(input)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".avro") || BundleArchive.isBundleName(p))
                        .sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw TracekitException.badInput(input + ": cannot list: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw TracekitException.badInput(input + ": no recording files (*.avro) or bundles in this directory");
            }
            for (Path file : files) {
                if (BundleArchive.isBundleName(file)) {
                    scanBundle(file);
                } else {
                    scanPlainFile(file, false);
                }
            }
        } else if (BundleArchive.isBundleName(input)) {
            scanBundle(input);
        } else {
            scanPlainFile(input, true);
        }
    }

    private void scanPlainFile(Path file, boolean named) {
        FileOrigin origin = new FileOrigin.PlainFile(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            scanFile(origin, in, named);
        } catch (IOException e) {
            throw TracekitException.badInput(file + ": cannot read: " + e.getMessage());
        }
    }

    private void scanBundle(Path bundle) {
        int before = byId.values().stream().mapToInt(b -> b.files.size()).sum();
        try {
            BundleArchive.forEachAvroEntry(bundle, (name, content) ->
                    scanFile(new FileOrigin.BundleEntry(bundle, name), content, false));
        } catch (IOException e) {
            if (before == byId.values().stream().mapToInt(b -> b.files.size()).sum()) {
                throw TracekitException.badInput(bundle + ": not a readable bundle: " + e.getMessage());
            }
            diagnostics.inputLost(bundle + ": damaged bundle, read up to the damage: " + e.getMessage());
        }
    }

    private void scanFile(FileOrigin origin, InputStream in, boolean named) throws IOException {
        String name = origin.displayName();
        ContainerReader container;
        try {
            container = ContainerReader.open(in);
        } catch (ContainerReader.NotAContainerException e) {
            notARecording(name, named);
            return;
        } catch (CorruptInputException e) {
            diagnostics.inputLost(name + ": header damaged at byte offset " + e.offset() + " (" + e.getMessage()
                    + "); file skipped");
            return;
        }
        Optional<FileHeader> header = FileHeader.of(container.meta(), name);
        if (header.isEmpty()) {
            notARecording(name, named);
            return;
        }
        RecordingBuilder recording = byId.computeIfAbsent(header.get().meta().recordingId(),
                id -> new RecordingBuilder(header.get().meta(), diagnostics));
        RecordingFile file = new RecordingFile(origin, header.get().stream(), header.get().seq(), header.get().codec(),
                header.get().writer());
        if (!recording.add(file)) {
            return;
        }
        byte[] snapshot = container.meta().get(RecordingMeta.KEY_PROCESS_SNAPSHOT);
        if (snapshot != null) {
            recording.snapshots.add(snapshot, name);
        }
        if (file.stream() == RecordingStream.INTERVALS) {
            readIntervals(container, file, recording.intervals);
        }
    }

    private void notARecording(String name, boolean named) {
        if (named) {
            throw TracekitException.badInput(name + ": not a tracekit recording");
        }
        diagnostics.note(name + ": not a tracekit recording file; skipped");
    }

    private void readIntervals(ContainerReader container, RecordingFile file, List<IntervalStats> into)
            throws IOException {
        IntervalStatsDecoder decoder = new IntervalStatsDecoder();
        ResolvingRecords resolving = new ResolvingRecords();
        long read = 0;
        try {
            for (RawBlock block = container.next(); block != null; block = container.next()) {
                try {
                    BlockCodec.Decoded data = file.codec().decompress(block.data(), block.length(), null);
                    List<IntervalStats> rows = new ArrayList<>();
                    if (file.writer().resolved() || file.writer().leading()) { // no decoder here knows later fields
                        resolving.<IntervalStats>read(file.writer(), file.stream(), data, block.count(), false, rows::add);
                    } else {
                        AvroCursor cursor = new AvroCursor(data.bytes(), data.length());
                        for (long i = 0; i < block.count(); i++) {
                            rows.add(decoder.read(cursor, null));
                        }
                    }
                    into.addAll(rows);
                    read += rows.size();
                } catch (CorruptInputException | IOException e) {
                    diagnostics.badBlock(file.displayName(), block.offset(), e.getMessage());
                }
            }
        } catch (CorruptInputException e) {
            diagnostics.truncated(file.displayName(), e.offset(), e.getMessage(), read);
        }
    }

    private Catalog catalog() {
        List<RecordingBuilder> builders = new ArrayList<>(byId.values());
        builders.sort(Comparator.comparing((RecordingBuilder b) -> b.meta.hostname())
                .thenComparing(b -> b.meta.recordingId()));
        List<Recording> recordings = new ArrayList<>();
        List<Catalog.Located> plain = new ArrayList<>();
        Map<Path, Map<String, Catalog.Located>> bundles = new LinkedHashMap<>();
        for (RecordingBuilder builder : builders) {
            builder.intervals.sort(Comparator.comparingLong(IntervalStats::getIntervalStartNs)
                    .thenComparingLong(IntervalStats::getIntervalEndNs)); // an opening boundary row first
            warnIfEndedAbruptly(builder);
            Set<RecordingStream> streams = EnumSet.noneOf(RecordingStream.class);
            builder.files.forEach(f -> streams.add(f.stream()));
            Recording recording;
            try {
                recording = new Recording(recordings.size(), builder.meta, builder.intervals, streams,
                        builder.snapshots);
            } catch (IllegalArgumentException e) {
                throw TracekitException.badInput(builder.files.getFirst().displayName() + ": " + e.getMessage());
            }
            recordings.add(recording);
            builder.files.sort(Comparator.comparing(RecordingFile::stream).thenComparingLong(RecordingFile::seq));
            for (RecordingFile file : builder.files) {
                Catalog.Located located = new Catalog.Located(recording, file);
                if (file.origin() instanceof FileOrigin.BundleEntry entry) {
                    bundles.computeIfAbsent(entry.bundle(), b -> new LinkedHashMap<>()).put(entry.entryName(), located);
                } else {
                    plain.add(located);
                }
            }
        }
        return new Catalog(recordings, plain, bundles);
    }

    /** A recorder that was killed wrote no closing boundary row: its last interval never reached the files. */
    private void warnIfEndedAbruptly(RecordingBuilder builder) {
        if (!BoundaryRows.endsAbruptly(builder.intervals)) {
            return;
        }
        String lastIntervals = builder.files.stream().filter(f -> f.stream() == RecordingStream.INTERVALS)
                .max(Comparator.comparingLong(RecordingFile::seq)).map(RecordingFile::displayName).orElseThrow();
        long endNs = builder.intervals.getLast().getIntervalEndNs();
        diagnostics.inputLost(lastIntervals + ": the recording ended abruptly (no closing interval row: the recorder "
                + "was killed or its host went down, or its last intervals file is missing); events after "
                + Instant.ofEpochSecond(0, builder.meta.wallNs(endNs)) + " were not written");
    }

    /** Files and interval rows of one recording id, gathered across all inputs. */
    private static final class RecordingBuilder {
        final RecordingMeta meta;
        final List<RecordingFile> files = new ArrayList<>();
        final List<IntervalStats> intervals = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        final ProcessIndex.Builder snapshots;

        RecordingBuilder(RecordingMeta meta, Diagnostics diagnostics) {
            this.meta = meta;
            this.snapshots = new ProcessIndex.Builder(diagnostics);
        }

        /** False when this (stream, seq) was already found in another input. */
        boolean add(RecordingFile file) {
            if (!seen.add(file.stream() + "/" + file.seq())) {
                return false;
            }
            files.add(file);
            return true;
        }
    }
}
