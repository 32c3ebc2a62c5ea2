package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything the HTML report shows, gathered in one pass: the summary, and the syscalls per time window its
 * rate-over-time chart is drawn from.
 */
public final class ReportAggregate implements RecordVisitor {
    private final SummaryAggregate summary;
    private final SyscallRateTally rates;

    /** @param windowNs width of the rate chart's windows, see {@link SyscallRateSeries#windowFor} */
    public ReportAggregate(SyscallSource source, long windowNs) {
        this.summary = new SummaryAggregate(source);
        this.rates = new SyscallRateTally(source, windowNs);
    }

    @Override
    public Set<OptionalField> reads() {
        return RecordVisitor.readsOf(summary, rates);
    }

    @Override
    public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        summary.record(recording, family, record);
        rates.record(recording, family, record);
    }

    public void merge(ReportAggregate other) {
        summary.merge(other.summary);
        rates.merge(other.rates);
    }

    public SummaryAggregate summary() {
        return summary;
    }

    /** The syscall rate of one recording per window, with the events it lost in each. */
    public SyscallRateSeries rates(Recording recording, SyscallSource source) {
        return SyscallRateSeries.of(rates, recording, source);
    }
}
