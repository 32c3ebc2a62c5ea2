package dev.tracekit.analyzer.input;

import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Receives decoded records with the recording they belong to. The record objects are reused for the next
 * record, and their bytes fields (comm, path) are views of the decompressed block, reused for the next
 * block: copy what must be kept. One visitor is only ever called from one thread at a time.
 */
public interface RecordVisitor {
    /**
     * Every record of every family comes here first, and by default goes on to its family's method: visitors
     * that treat all families alike (counting, filtering, exporting) override this alone.
     */
    default <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        family.visit(this, recording, record);
    }

    default void syscallCount(Recording recording, SyscallCount count) {
    }

    default void syscallEvent(Recording recording, SyscallEvent event) {
    }

    default void open(Recording recording, OpenEvent event) {
    }

    default void kill(Recording recording, KillEvent event) {
    }

    default void proc(Recording recording, ProcEvent event) {
    }

    /** The optional fields this visitor reads; the others are left zero. All of them unless it says otherwise. */
    default Set<OptionalField> reads() {
        return EnumSet.allOf(OptionalField.class);
    }

    /** What a visitor made of parts reads: what any of them reads. */
    static Set<OptionalField> readsOf(RecordVisitor... parts) {
        Set<OptionalField> fields = EnumSet.noneOf(OptionalField.class);
        for (RecordVisitor part : parts) {
            fields.addAll(part.reads());
        }
        return fields;
    }

    /** False once the visitor has all it wants (a {@code --limit} reached): ordered reading then stops early. */
    default boolean wantsMore() {
        return true;
    }
}
