package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.recording.RecordingStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** Passes on the records the filters accept; like every visitor, used by one thread only. */
public final class FilteringVisitor implements RecordVisitor {
    private final FilterSpec spec;
    private final RecordVisitor next;
    private final List<EventFilter> byRecording = new ArrayList<>();
    /** Per stream, the object a family's rows narrow into: records are reused, so is it. */
    private final SpecificRecord[] scratch = new SpecificRecord[RecordingStream.values().length];

    private FilteringVisitor(FilterSpec spec, RecordVisitor next) {
        this.spec = spec;
        this.next = next;
    }

    /** The visitor itself when nothing is filtered: the hot path then pays nothing. */
    public static RecordVisitor wrap(FilterSpec spec, RecordVisitor next) {
        return spec.isEmpty() ? next : new FilteringVisitor(spec, next);
    }

    private EventFilter filter(Recording recording) {
        int index = recording.index();
        while (byRecording.size() <= index) {
            byRecording.add(null);
        }
        EventFilter filter = byRecording.get(index);
        if (filter == null) {
            filter = EventFilter.of(spec, recording);
            byRecording.set(index, filter);
        }
        return filter;
    }

    @Override
    public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        EventFilter filter = filter(recording);
        if (filter.accepts(family, record)) {
            next.record(recording, family, filter.narrowsToFailures() ? family.failuresOf(record, scratch(family)) : record);
        }
    }

    @SuppressWarnings("unchecked") // filled by the family's own newScratch
    private <R extends SpecificRecord> R scratch(FamilyDescriptor<R> family) {
        int i = family.stream().ordinal();
        if (scratch[i] == null) {
            scratch[i] = family.newScratch();
        }
        return (R) scratch[i];
    }

    /** What the visitor behind reads, and what the filters read: thread and user with -t or -u. */
    @Override
    public Set<OptionalField> reads() {
        Set<OptionalField> fields = EnumSet.copyOf(RecordVisitor.readsOf(next));
        if (!spec.tids().isEmpty() || !spec.uids().isEmpty()) {
            fields.add(OptionalField.THREAD_AND_USER);
        }
        if (spec.readsCgroups()) {
            fields.add(OptionalField.CGROUP_AND_CPU);
        }
        return fields;
    }

    @Override
    public boolean wantsMore() {
        return next.wantsMore();
    }
}
