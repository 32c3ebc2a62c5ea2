package dev.tracekit.analyzer.input;

import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.Family;
import java.nio.ByteBuffer;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event family's contract with the analyzer: its stream, the decoder of its current layout, the visitor
 * method its records go to, and what the filters can ask of a record (its facets). Decoding, counting,
 * filtering and exporting follow the descriptors in {@link Families}, so a new family is a struct, a program,
 * a schema, its decoders and one descriptor; docs/adding-a-family.md lists the files.
 *
 * <p>A facet a family lacks answers {@code NONE} (or null); a filter on that facet then excludes every record of
 * the family, as {@code --path} excludes signals.
 */
public abstract class FamilyDescriptor<R extends SpecificRecord> {
    /** What a numeric facet answers when the family has no such thing. */
    public static final int NONE = -1;

    private final RecordingStream stream;
    private final Family family;

    FamilyDescriptor(RecordingStream stream) {
        this.stream = stream;
        this.family = stream.family().orElseThrow();
    }

    public final RecordingStream stream() {
        return stream;
    }

    public final Family family() {
        return family;
    }

    /** A decoder of the current layout that decodes only {@code reads} of the optional fields. */
    abstract RecordDecoder<R> decoder(Set<OptionalField> reads);

    /**
     * Decodes {@code count} records of the current layout into {@code visitor}. Each family writes this loop
     * itself: a call site per family lets the JIT inline that family's decoder and visitor; one loop shared by all
     * families cost the summary a fifth more CPU (BENCHMARKS.md, "Family descriptors").
     */
    abstract void decodeAll(AvroCursor in, long count, RecordDecoder<R> decoder, R reuse, Recording recording,
            RecordVisitor visitor) throws CorruptInputException;

    /** Hands {@code record} to the visitor method of this family. */
    public abstract void visit(RecordVisitor visitor, Recording recording, R record);

    /** The task that made the record, or null for rows that sum many tasks' calls (the in-kernel counts). */
    public abstract EventHeader header(R record);

    /** When the record happened on the recording's boot clock (for a count row: its interval's start). */
    public long timeNs(R record) {
        return header(record).getTsNs();
    }

    public int pid(R record) {
        return header(record).getPid();
    }

    public ByteBuffer comm(R record) {
        return header(record).getComm();
    }

    /** The call's key in the recording's syscall table ({@code SyscallTable.keyOf}); NONE if not numbered. */
    public int syscallKey(R record) {
        return NONE;
    }

    /** The lower-case name of a call from a family's fixed set (openat, tgkill, ...); null if it has none. */
    public String syscallName(R record) {
        return null;
    }

    /** The errno of a failed call, 0 for one that succeeded; NONE for records that carry no errno. */
    public int errno(R record) {
        return NONE;
    }

    /** What {@code --failed} keeps: by default the calls with an errno. */
    public boolean failed(R record) {
        return errno(record) > 0;
    }

    /** The signal the record is about; NONE if none. */
    public int signal(R record) {
        return NONE;
    }

    /** The path the record names, as shown (the full path where known); null if none. */
    public ByteBuffer path(R record) {
        return null;
    }

    /** Whether the record has open flags, read by {@link #flags}. */
    public boolean hasFlags() {
        return false;
    }

    public long flags(R record) {
        throw new UnsupportedOperationException(stream.prefix() + " records have no open flags");
    }

    /** The process a record acts on (a signal's target); NONE if it acts on none. */
    public int targetPid(R record) {
        return NONE;
    }

    /**
     * The part of a record {@code --failed} keeps: the record itself for single calls; a row that sums calls
     * narrows to its failed ones, filled into {@code scratch}.
     */
    public R failuresOf(R record, R scratch) {
        return record;
    }

    /** An object {@link #failuresOf} may fill; null for families whose records are single calls. */
    public R newScratch() {
        return null;
    }

    @Override
    public String toString() {
        return stream.prefix();
    }
}
