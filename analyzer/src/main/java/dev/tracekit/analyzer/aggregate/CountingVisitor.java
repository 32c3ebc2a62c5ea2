package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Set;

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
    public void syscallCount(Recording recording, SyscallCount count) {
        counts.syscallCount(recording, count);
        next.syscallCount(recording, count);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        counts.syscallEvent(recording, event);
        next.syscallEvent(recording, event);
    }

    @Override
    public void open(Recording recording, OpenEvent event) {
        counts.open(recording, event);
        next.open(recording, event);
    }

    @Override
    public void kill(Recording recording, KillEvent event) {
        counts.kill(recording, event);
        next.kill(recording, event);
    }

    @Override
    public void proc(Recording recording, ProcEvent event) {
        counts.proc(recording, event);
        next.proc(recording, event);
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
