package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

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
    public void syscallCount(Recording recording, SyscallCount count) {
        summary.syscallCount(recording, count);
        rates.syscallCount(recording, count);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        summary.syscallEvent(recording, event);
        rates.syscallEvent(recording, event);
    }

    @Override
    public void open(Recording recording, OpenEvent event) {
        summary.open(recording, event);
    }

    @Override
    public void kill(Recording recording, KillEvent event) {
        summary.kill(recording, event);
    }

    @Override
    public void proc(Recording recording, ProcEvent event) {
        summary.proc(recording, event);
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
