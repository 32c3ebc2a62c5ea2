package dev.tracekit.analyzer.input;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.BoundaryRows;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.ProcEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * A recording directory read as the recorder writes it, like {@code tail -F}: every {@link #poll} reads the whole
 * blocks that were added since the last one, in each stream's file order, across rotation, and notices files that
 * {@code --max-files} deleted before it began them. A file it has begun stays open until it is read to its end and
 * its successor exists, so rotation and deletion between two polls lose nothing of it: a deleted file stays
 * readable while open, and the recorder deletes only files it has closed. Interval rows are read first in each poll
 * and events only once a new interval row is there, and no further than the rows read account for: each row counts
 * the records every stream got in its interval, and a block never spans two intervals (the recorder flushes every
 * stream at each interval's end, events before the row), so a block is read once the rows read so far cover all of
 * its records. The events shown thus belong to intervals whose losses are known, even when the recorder flushes the
 * next interval's events while a poll reads, or writes a block that filled mid-interval. A block still being written
 * is read once it is whole.
 */
public final class RecordingTail implements AutoCloseable {
    private final Path dir;
    /**
     * The streams read: the ones asked for, the intervals, and procs when who each pid is must be known as the
     * recording grows; files of others are left alone.
     */
    private final Set<RecordingStream> followed;
    private final Diagnostics diagnostics;
    private final Map<RecordingStream, TreeMap<Long, FileTail>> files = new EnumMap<>(RecordingStream.class);
    /** Per stream, the highest file retired or given up: listed again, such files are not reopened. */
    private final Map<RecordingStream, Long> done = new EnumMap<>(RecordingStream.class);
    private final List<IntervalStats> intervals = new ArrayList<>();
    /** Per stream, the records the interval rows read so far say it got. */
    private final Map<RecordingStream, Long> covered = new EnumMap<>(RecordingStream.class);
    /** Per stream, the records read (shown or stepped over) across its files. */
    private final Map<RecordingStream, Long> consumed = new EnumMap<>(RecordingStream.class);
    /**
     * Whether events wait for the rows that cover them: not once interval rows were lost (their records could never
     * be covered) or the recorder is gone (no more rows come).
     */
    private boolean rowsCoverEvents = true;
    private final Set<RecordingStream> streamsSeen = EnumSet.noneOf(RecordingStream.class);
    private final ProcessIndex.Builder snapshots;
    private final BlockDecoder decoder;
    private final IntervalStatsDecoder intervalDecoder = new IntervalStatsDecoder();
    private final ResolvingRecords resolving = new ResolvingRecords();
    private RecordingMeta meta;
    private OptionalLong recorderPid = OptionalLong.empty();
    private Recording recording;
    /** Who each pid was, grown by every procs event read; null until the first (recordings without procs). */
    private ProcessTimeline.Builder processes;
    private boolean closed;
    private boolean abandonedIds;

    private RecordingTail(Path dir, Diagnostics diagnostics, Set<RecordingStream> streams, Set<OptionalField> reads,
            boolean namesProcesses) {
        this.dir = dir;
        this.followed = EnumSet.noneOf(RecordingStream.class);
        this.followed.addAll(streams);
        this.followed.add(RecordingStream.INTERVALS);
        if (namesProcesses) {
            this.followed.add(RecordingStream.PROCS);
        }
        this.diagnostics = diagnostics;
        this.snapshots = new ProcessIndex.Builder(diagnostics);
        Set<OptionalField> decoded = EnumSet.noneOf(OptionalField.class);
        if (followed.contains(RecordingStream.PROCS)) {
            decoded.add(OptionalField.CGROUP_AND_CPU); // an exec's cgroup is its process's
        }
        decoded.addAll(reads);
        this.decoder = new BlockDecoder(decoded);
    }

    /**
     * Starts following a recording directory: reads its interval rows so far and, with {@code fromEnd}, steps over
     * the events already there.
     *
     * @param streams        the streams {@link #poll} will read (the intervals are read anyway)
     * @param reads          the optional fields the visitor of {@link #poll} reads
     * @param namesProcesses whether the visitor asks who each pid is ({@link Recording#timeline}): the procs stream is
     *                       then read first in each poll, whether it is one of the streams or not; a follow that shows
     *                       no process context spares itself that read
     * @throws TracekitException (bad input) when the directory is missing, unreadable or holds no recording
     */
    public static RecordingTail open(Path dir, Diagnostics diagnostics, Set<RecordingStream> streams,
            Set<OptionalField> reads, boolean namesProcesses, boolean fromEnd) {
        if (!Files.isDirectory(dir)) {
            throw TracekitException.badInput(dir + (Files.exists(dir) ? ": --follow takes a recording directory, "
                    + "not a file" : ": no such directory"));
        }
        RecordingTail tail = new RecordingTail(dir, diagnostics, streams, reads, namesProcesses);
        tail.readIntervals();
        if (tail.meta == null) {
            throw TracekitException.badInput(dir + ": not a tracekit recording (no recording files in it)");
        }
        if (fromEnd) {
            tail.skipExistingEvents();
        }
        return tail;
    }

    /** The recording as read so far: its interval rows (hence its losses and span) grow with each poll. */
    public Recording recording() {
        return recording;
    }

    /** True once the recorder's closing boundary row was read: it stopped and closed the recording cleanly. */
    public boolean closed() {
        return closed;
    }

    /** The recorder's pid from the headers, empty for recordings made before headers carried it. */
    public OptionalLong recorderPid() {
        return recorderPid;
    }

    /**
     * Whether the recorder that writes this recording is known to be gone: it ran on this host during this boot
     * (same host name and boot id) and its pid no longer exists. False when that cannot be told.
     */
    public boolean recorderGone() {
        if (recorderPid.isEmpty() || !meta.hostname().equals(LocalHost.name()) || !meta.bootId().equals(LocalHost.bootId())) {
            return false;
        }
        return ProcessHandle.of(recorderPid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }

    /** The interval rows read so far, in the order the recorder wrote them. */
    public List<IntervalStats> intervals() {
        return List.copyOf(intervals);
    }

    /**
     * Reads what was added: new interval rows, then, if there were any or {@code always}, the new blocks of the given
     * streams that the rows read so far cover, into the visitor (in each stream's file order).
     *
     * @return the number of interval rows read in this poll
     * @throws TracekitException (bad input) when the directory disappeared or became unreadable
     */
    public int poll(Set<RecordingStream> streams, RecordVisitor visitor, boolean always) {
        int rows = readIntervals();
        if (rows > 0 || always) {
            // procs first: a fork in this poll must name its child before the child's events are shown
            readEvents(RecordingStream.PROCS, processVisitor(streams.contains(RecordingStream.PROCS) ? visitor : null));
            for (RecordingStream stream : streams) {
                if (!visitor.wantsMore()) {
                    break;
                }
                if (stream != RecordingStream.PROCS) {
                    readEvents(stream, visitor);
                }
            }
        }
        return rows;
    }

    /**
     * Reads what is left once the recorder is gone: new interval rows, then every whole block of the streams,
     * covered by rows or not (what it flushed before it died).
     *
     * @return the number of interval rows read
     */
    public int finish(Set<RecordingStream> streams, RecordVisitor visitor) {
        rowsCoverEvents = false;
        return poll(streams, visitor, true);
    }

    /** Grows the timeline with each procs event, then hands it to {@code shown} (null: to no one). */
    private RecordVisitor processVisitor(RecordVisitor shown) {
        return new RecordVisitor() {
            @Override
            public void proc(Recording at, ProcEvent event) {
                if (at != null && processes == null) {
                    processes = new ProcessTimeline.Builder(at.processes());
                    at.follow(processes.build());
                }
                if (processes != null) {
                    processes.proc(at, event);
                }
                if (shown != null) {
                    shown.record(at, Families.PROCS, event);
                }
            }

            @Override
            public boolean wantsMore() {
                return shown == null || shown.wantsMore();
            }
        };
    }

    private int readIntervals() {
        int before = intervals.size();
        listFiles();
        TreeMap<Long, FileTail> tails = files.getOrDefault(RecordingStream.INTERVALS, new TreeMap<>());
        for (FileTail tail : List.copyOf(tails.values())) {
            boolean whole = readBlocks(tail, records -> true, block -> decodeIntervals(tail, block));
            if (whole && tails.higherKey(tail.seq) != null) {
                finished(tail);
            } else {
                break; // the newest file, or one still being written: later files wait for it
            }
        }
        int added = intervals.size() - before;
        for (IntervalStats row : intervals.subList(before, intervals.size())) {
            for (RecordingStream stream : followed) {
                stream.family().ifPresent(family -> covered.merge(stream,
                        row.getEvents().getOrDefault(family.name(), 0L), Long::sum));
            }
        }
        if (added > 0 || recording == null && meta != null) {
            for (int i = Math.max(1, before); i < intervals.size(); i++) {
                // A boundary row after any other row is the closing one: the opening row comes first.
                closed |= BoundaryRows.isBoundary(intervals.get(i));
            }
            List<IntervalStats> ordered = new ArrayList<>(intervals);
            ordered.sort(java.util.Comparator.comparingLong(IntervalStats::getIntervalStartNs)
                    .thenComparingLong(IntervalStats::getIntervalEndNs));
            recording = new Recording(0, meta, ordered, streamsSeen, snapshots);
            if (processes != null) {
                recording.follow(processes.build());
            }
        }
        return added;
    }

    private void decodeIntervals(FileTail tail, RawBlock block) throws IOException, CorruptInputException {
        BlockCodec.Decoded data = tail.file.codec().decompress(block.data(), block.length(), null);
        if (tail.file.writer().resolved()) {
            resolving.<IntervalStats>read(tail.file.writer(), tail.file.stream(), data, block.count(), false,
                    intervals::add);
            return;
        }
        AvroCursor cursor = new AvroCursor(data.bytes(), data.length());
        for (long i = 0; i < block.count(); i++) {
            intervals.add(intervalDecoder.read(cursor, null));
        }
    }

    private void readEvents(RecordingStream stream, RecordVisitor visitor) {
        TreeMap<Long, FileTail> tails = files.getOrDefault(stream, new TreeMap<>());
        for (FileTail tail : List.copyOf(tails.values())) {
            Recording current = recording;
            boolean whole = readBlocks(tail, records -> !rowsCoverEvents
                    || consumed.getOrDefault(stream, 0L) + records <= covered.getOrDefault(stream, 0L), block -> {
                BlockCodec.Decoded data = tail.file.codec().decompress(block.data(), block.length(), null);
                decoder.decode(current, tail.file, data, block.count(), visitor);
            });
            if (whole && tails.higherKey(tail.seq) != null && visitor.wantsMore()) {
                finished(tail);
            } else {
                break;
            }
        }
    }

    private void finished(FileTail tail) {
        done.merge(tail.file.stream(), tail.seq, Math::max);
        files.get(tail.file.stream()).remove(tail.seq);
        tail.close();
    }

    /** Closes the files still open; the tail reads nothing after. */
    @Override
    public void close() {
        files.values().forEach(tails -> tails.values().forEach(FileTail::close));
        files.clear();
    }

    private void skipExistingEvents() {
        if (recording != null) {
            readEvents(RecordingStream.PROCS, processVisitor(null)); // not shown, but who each pid is stays known
        }
        for (Map.Entry<RecordingStream, TreeMap<Long, FileTail>> stream : files.entrySet()) {
            if (stream.getKey() == RecordingStream.INTERVALS || stream.getKey() == RecordingStream.PROCS && recording != null) {
                continue;
            }
            TreeMap<Long, FileTail> tails = stream.getValue();
            for (FileTail tail : List.copyOf(tails.values())) {
                boolean whole = readBlocks(tail, records -> true, block -> {
                });
                if (whole && tails.higherKey(tail.seq) != null) {
                    finished(tail);
                }
            }
        }
    }

    private interface BlockHandler {
        void block(RawBlock block) throws IOException, CorruptInputException;
    }

    /** Whether a block of so many records may be read now; one that may not is read by a later poll. */
    private interface BlockGate {
        boolean admits(long records);
    }

    /**
     * Reads the file's whole blocks past its position into the handler, while the gate admits them. True when it ended
     * cleanly at a block's end (more may come while the file is being written); false when it ends inside a block
     * still being written, or at a block the gate held back.
     */
    private boolean readBlocks(FileTail tail, BlockGate gate, BlockHandler handler) {
        if (tail.broken) {
            return true;
        }
        String name = tail.file.displayName();
        try {
            FileChannel channel = tail.channel();
            if (channel.size() <= tail.position) {
                return true;
            }
            channel.position(tail.position);
            // Not closed: that would close the channel, which stays open until the file is retired.
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            ContainerReader container = ContainerReader.resume(in, tail.header, tail.position);
            while (true) {
                RawBlock block;
                try {
                    block = container.next();
                } catch (CorruptInputException e) {
                    if (e.isCutShort()) {
                        return false;
                    }
                    diagnostics.truncated(name, e.offset(), e.getMessage(), tail.records);
                    lost(tail.file.stream());
                    tail.broken = true;
                    return true;
                }
                if (block == null) {
                    return true;
                }
                if (!gate.admits(block.count())) {
                    return false;
                }
                tail.position = container.position();
                tail.records += block.count();
                consumed.merge(tail.file.stream(), block.count(), Long::sum);
                try {
                    handler.block(block);
                } catch (CorruptInputException | IOException e) {
                    diagnostics.badBlock(name, block.offset(), String.valueOf(e.getMessage()));
                    lost(tail.file.stream());
                }
            }
        } catch (NoSuchFileException e) {
            deleted(tail);
            return true;
        } catch (IOException e) {
            throw TracekitException.badInput(name + ": cannot read while following: " + e.getMessage());
        }
    }

    /** Rows of this stream will never be read: if they are interval rows, the events they count are read unbounded. */
    private void lost(RecordingStream stream) {
        rowsCoverEvents &= stream != RecordingStream.INTERVALS;
    }

    /** A file {@code --max-files} deleted: what it held beyond what was read is gone from this follow. */
    private void deleted(FileTail tail) {
        files.get(tail.file.stream()).remove(tail.seq);
        done.merge(tail.file.stream(), tail.seq, Math::max);
        tail.close();
        lost(tail.file.stream());
        diagnostics.inputLost(tail.file.displayName() + ": deleted (--max-files) before it was read to its end; "
                + "rows after its first " + String.format("%,d", tail.records) + " not shown");
    }

    /** Finds files that appeared, and those that disappeared (rotation with --max-files) before they were begun. */
    private void listFiles() {
        Map<RecordingStream, TreeMap<Long, Path>> listed = new EnumMap<>(RecordingStream.class);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.avro")) {
            for (Path path : entries) {
                RecordingStream.parseFileName(path.getFileName().toString())
                        .filter(name -> followed.contains(name.stream()))
                        .ifPresent(name -> listed.computeIfAbsent(name.stream(), s -> new TreeMap<>()).put(name.seq(), path));
            }
        } catch (NoSuchFileException e) {
            throw TracekitException.badInput(dir + ": the recording directory disappeared while it was followed");
        } catch (AccessDeniedException e) {
            throw TracekitException.badInput(dir + ": permission denied");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw TracekitException.badInput(dir + ": cannot list: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            throw TracekitException.badInput(dir + ": the recording directory disappeared while it was followed");
        }
        for (Map.Entry<RecordingStream, TreeMap<Long, Path>> stream : listed.entrySet()) {
            TreeMap<Long, FileTail> tails = files.computeIfAbsent(stream.getKey(), s -> new TreeMap<>());
            for (FileTail tail : List.copyOf(tails.values())) {
                if (!stream.getValue().containsKey(tail.seq) && !tail.begun()) {
                    deleted(tail); // one begun is read to its end through its open channel
                }
            }
            long readUpTo = done.getOrDefault(stream.getKey(), 0L);
            long seen = tails.isEmpty() ? readUpTo : Math.max(readUpTo, tails.lastKey());
            Long next = stream.getValue().higherKey(seen);
            if (seen > 0 && next != null && next > seen + 1) { // made and deleted between two listings
                diagnostics.inputLost(dir.resolve(stream.getKey().fileName(seen + 1))
                        + (next - 1 > seen + 1 ? " to " + stream.getKey().fileName(next - 1) : "")
                        + ": deleted (--max-files) before they were read");
                lost(stream.getKey());
                readUpTo = next - 1;
                done.put(stream.getKey(), readUpTo);
            }
            for (Map.Entry<Long, Path> file : stream.getValue().entrySet()) {
                if (file.getKey() > readUpTo && !tails.containsKey(file.getKey())) {
                    openFile(file.getValue(), file.getKey()).ifPresent(tail -> tails.put(tail.seq, tail));
                }
            }
        }
    }

    /** Reads a new file's header; empty while the header is still being written, or for a file to leave alone. */
    private Optional<FileTail> openFile(Path path, long seq) {
        String name = path.toString();
        ContainerReader container;
        long position;
        try {
            // Measured before the read: measured after, a magic written in between passed a file read empty for
            // one that is not a recording.
            long sizeBefore = Files.size(path);
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            try (in) {
                container = ContainerReader.open(in);
            } catch (ContainerReader.NotAContainerException e) {
                if (sizeBefore < 4) {
                    return Optional.empty(); // created, magic not written yet
                }
                diagnostics.note(name + ": not a tracekit recording file; skipped");
                return Optional.empty();
            } catch (CorruptInputException e) {
                return Optional.empty(); // a header still being written (the recorder writes it in parts)
            }
            position = container.position();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw TracekitException.badInput(name + ": cannot read: " + e.getMessage());
        }
        Optional<FileHeader> header = FileHeader.of(container.meta(), name);
        if (header.isEmpty()) {
            diagnostics.note(name + ": not a tracekit recording file; skipped");
            return Optional.empty();
        }
        RecordingMeta fileMeta = header.get().meta();
        if (meta == null) {
            meta = fileMeta;
        } else if (!meta.recordingId().equals(fileMeta.recordingId())) {
            if (!abandonedIds) {
                diagnostics.note(name + ": belongs to another recording (" + fileMeta.recordingId() + ") than the one "
                        + "followed (" + meta.recordingId() + "); such files are skipped");
                abandonedIds = true;
            }
            return Optional.empty();
        }
        byte[] pid = container.meta().get(RecordingMeta.KEY_RECORDER_PID);
        if (pid != null) {
            try {
                recorderPid = OptionalLong.of(Long.parseLong(new String(pid, StandardCharsets.US_ASCII)));
            } catch (NumberFormatException e) {
                diagnostics.note(name + ": header's " + RecordingMeta.KEY_RECORDER_PID + " is not a number; ignored");
            }
        }
        byte[] snapshot = container.meta().get(RecordingMeta.KEY_PROCESS_SNAPSHOT);
        if (snapshot != null) {
            snapshots.add(snapshot, name);
        }
        RecordingFile file = new RecordingFile(new FileOrigin.PlainFile(path), header.get().stream(), header.get().seq(),
                header.get().codec(), header.get().writer());
        streamsSeen.add(file.stream());
        return Optional.of(new FileTail(path, file, seq, container, position));
    }

    /** One file being read: its header, how far its whole blocks have been read, and its channel once begun. */
    private static final class FileTail {
        final Path path;
        final RecordingFile file;
        final long seq;
        final ContainerReader header;
        long position;
        long records;
        boolean broken;
        /**
         * Opened by the first read, not when the file is listed: a follow that starts behind holds one file open per
         * stream, not every file of the recording.
         */
        private FileChannel channel;

        FileTail(Path path, RecordingFile file, long seq, ContainerReader header, long position) {
            this.path = path;
            this.file = file;
            this.seq = seq;
            this.header = header;
            this.position = position;
        }

        /** @throws NoSuchFileException when the file was deleted before it was begun */
        FileChannel channel() throws IOException {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            }
            return channel;
        }

        boolean begun() {
            return channel != null;
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // only read from: nothing is lost by a failed close
                }
                channel = null;
            }
        }
    }
}
