package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Counts every record read, per recording and family, then passes it on: placed before the filters, it tells
 * how many of the records the recorder wrote could be read at all (a damaged file holds fewer).
 */
public final class CountingVisitor implements RecordVisitor {
    private final FamilyTally counts;
    private final RecordVisitor next;

    public CountingVisitor(FamilyTally counts, RecordVisitor next) {
        this.counts = counts;
        this.next = next;
    }






    @Override
    public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        counts.record(recording, family, record);
        next.record(recording, family, record);
    }

    @Override
    public Set<OptionalField> reads() {
        return next.reads();
    }

    @Override
    public boolean wantsMore() {
        return next.wantsMore();
    }
}
