package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OpenPaths;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.OpenEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens per file, per process and failed opens per errno. A process is its pid and name, or with
 * {@link #OpenTally(boolean) one row per process} its pid, name and start ({@link ProcessLives}).
 */
public final class OpenTally implements RecordVisitor {
    /** A path on one recording's host. */
    public record FileKey(int recording, ByteString path) implements Comparable<FileKey> {
        @Override
        public int compareTo(FileKey other) {
            int byRecording = Integer.compare(recording, other.recording);
            return byRecording != 0 ? byRecording : path.compareTo(other.path);
        }
    }

    /** An errno on one recording's host. */
    public record ErrnoKey(int recording, int errno) implements Comparable<ErrnoKey> {
        @Override
        public int compareTo(ErrnoKey other) {
            int byRecording = Integer.compare(recording, other.recording);
            return byRecording != 0 ? byRecording : Integer.compare(errno, other.errno);
        }
    }

    /** By recording index: opens per path id, and per process (pid and comm id packed in a long). */
    private LongKeyTally[] files = new LongKeyTally[0];
    private LongKeyTally[] processes = new LongKeyTally[0];
    private final Tally<ErrnoKey> errnos = new Tally<>();
    private final ByteInterner paths = new ByteInterner();
    private final ByteInterner comms = new ByteInterner();
    /** When each row is one process: its opens, by the key {@code lives} gives it; null otherwise. */
    private final Tally<ProcessKey> byLife;
    private final ProcessLives lives = new ProcessLives();

    public OpenTally() {
        this(false);
    }

    /**
     * @param oneRowPerProcess count opens per process as the process timeline knows them (pid and start), which
     *                         costs a key per open, instead of per pid and name
     */
    public OpenTally(boolean oneRowPerProcess) {
        this.byLife = oneRowPerProcess ? new Tally<>() : null;
    }

    @Override
    public Set<OptionalField> reads() {
        // pid, comm, path and result are not optional; the cgroup names the service of a row that is one process
        return byLife != null ? EnumSet.of(OptionalField.CGROUP_AND_CPU) : EnumSet.noneOf(OptionalField.class);
    }

    @Override
    public void open(Recording recording, OpenEvent e) {
        int index = recording.index();
        if (index >= files.length) {
            files = grown(files, index);
            processes = grown(processes, index);
        }
        boolean failed = e.getResult() < 0;
        files[index].add(paths.id(OpenPaths.shown(e)), 1, failed ? 1 : 0);
        if (byLife != null) {
            byLife.add(lives.key(recording, e.getHeader(), comms.intern(e.getHeader().getComm())), failed);
        } else {
            processes[index].add(processKey(e.getHeader().getPid(), comms.id(e.getHeader().getComm())), 1,
                    failed ? 1 : 0);
        }
        if (failed) {
            errnos.add(new ErrnoKey(index, -e.getResult()), true);
        }
    }

    private static LongKeyTally[] grown(LongKeyTally[] tallies, int index) {
        LongKeyTally[] grown = Arrays.copyOf(tallies, index + 1);
        for (int i = tallies.length; i <= index; i++) {
            grown[i] = new LongKeyTally();
        }
        return grown;
    }

    private static long processKey(int pid, int commId) {
        return (long) pid << 32 | (commId & 0xffffffffL);
    }

    public void merge(OpenTally other) {
        if (other.files.length > files.length) {
            files = grown(files, other.files.length - 1);
            processes = grown(processes, other.files.length - 1);
        }
        for (int index = 0; index < other.files.length; index++) {
            LongKeyTally mine = files[index];
            other.files[index].forEach((path, total, failed) ->
                    mine.add(paths.id(bytes(other.paths.get((int) path))), total, failed));
            LongKeyTally myProcesses = processes[index];
            other.processes[index].forEach((process, total, failed) -> myProcesses.add(
                    processKey((int) (process >> 32), comms.id(bytes(other.comms.get((int) process)))), total, failed));
        }
        errnos.merge(other.errnos);
        if (byLife != null) {
            byLife.merge(other.byLife);
            lives.merge(other.lives);
        }
    }

    private static ByteBuffer bytes(ByteString value) {
        return ByteBuffer.wrap(value.toArray());
    }

    public Tally<FileKey> files() {
        Tally<FileKey> tally = new Tally<>();
        for (int index = 0; index < files.length; index++) {
            int recording = index;
            files[index].forEach((path, total, failed) ->
                    tally.add(new FileKey(recording, paths.get((int) path)), total, failed));
        }
        return tally;
    }

    public Tally<ProcessKey> processes() {
        if (byLife != null) {
            return byLife;
        }
        Tally<ProcessKey> tally = new Tally<>();
        for (int index = 0; index < processes.length; index++) {
            int recording = index;
            processes[index].forEach((process, total, failed) -> tally.add(
                    new ProcessKey(recording, (int) (process >> 32), comms.get((int) process)), total, failed));
        }
        return tally;
    }

    /** The first open of each process, when each row is one process. */
    public ProcessLives lives() {
        return lives;
    }

    /** Failed opens by errno (every entry's total is its failures). */
    public Tally<ErrnoKey> errnos() {
        return errnos;
    }
}
