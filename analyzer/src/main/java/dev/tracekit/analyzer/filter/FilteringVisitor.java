package dev.tracekit.analyzer.filter;

import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Passes on the records the filters accept; like every visitor, used by one thread only. */
public final class FilteringVisitor implements RecordVisitor {
    private final FilterSpec spec;
    private final RecordVisitor next;
    private final List<EventFilter> byRecording = new ArrayList<>();
    private final SyscallCount errorsOnly = new SyscallCount();

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
    public void syscallCount(Recording recording, SyscallCount count) {
        EventFilter filter = filter(recording);
        if (!filter.syscallCount(count)) {
            return;
        }
        if (filter.narrowsCountsToErrors()) {
            errorsOnly.setIntervalStartNs(count.getIntervalStartNs());
            errorsOnly.setIntervalEndNs(count.getIntervalEndNs());
            errorsOnly.setPid(count.getPid());
            errorsOnly.setComm(count.getComm());
            errorsOnly.setSyscall(count.getSyscall());
            errorsOnly.setAbi(count.getAbi());
            errorsOnly.setCount(count.getErrors());
            errorsOnly.setErrors(count.getErrors());
            // Latency is recorded for all calls together; the failed calls' share is unknown.
            errorsOnly.setLatencyTotalNs(null);
            errorsOnly.setLatencyLog2Hist(null);
            next.syscallCount(recording, errorsOnly);
        } else {
            next.syscallCount(recording, count);
        }
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        if (filter(recording).syscallEvent(event)) {
            next.syscallEvent(recording, event);
        }
    }

    @Override
    public void open(Recording recording, OpenEvent event) {
        if (filter(recording).open(event)) {
            next.open(recording, event);
        }
    }

    @Override
    public void kill(Recording recording, KillEvent event) {
        if (filter(recording).kill(event)) {
            next.kill(recording, event);
        }
    }

    @Override
    public void proc(Recording recording, ProcEvent event) {
        if (filter(recording).proc(event)) {
            next.proc(recording, event);
        }
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
