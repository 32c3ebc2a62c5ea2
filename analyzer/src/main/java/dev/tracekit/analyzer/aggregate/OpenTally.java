package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.OpenEvent;

/** Opens per file, per process and failed opens per errno. */
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

    private final Tally<FileKey> files = new Tally<>();
    private final Tally<ProcessKey> processes = new Tally<>();
    private final Tally<ErrnoKey> errnos = new Tally<>();
    private final ByteInterner paths = new ByteInterner();
    private final ByteInterner comms = new ByteInterner();

    @Override
    public void open(Recording recording, OpenEvent e) {
        boolean failed = e.getResult() < 0;
        files.add(new FileKey(recording.index(), paths.intern(e.getPath())), failed);
        processes.add(new ProcessKey(recording.index(), e.getHeader().getPid(), comms.intern(e.getHeader().getComm())),
                failed);
        if (failed) {
            errnos.add(new ErrnoKey(recording.index(), -e.getResult()), true);
        }
    }

    public void merge(OpenTally other) {
        files.merge(other.files);
        processes.merge(other.processes);
        errnos.merge(other.errnos);
    }

    public Tally<FileKey> files() {
        return files;
    }

    public Tally<ProcessKey> processes() {
        return processes;
    }

    /** Failed opens by errno (every entry's total is its failures). */
    public Tally<ErrnoKey> errnos() {
        return errnos;
    }
}
