package dev.tracekit.analyzer.aggregate;

import dev.tracekit.analyzer.input.FamilyDescriptor;
import dev.tracekit.analyzer.input.OptionalField;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** Everything the summary shows, gathered in one pass over all families. */
public final class SummaryAggregate implements RecordVisitor {
    private final FamilyTally families = new FamilyTally();
    /** Keyed by process and syscall: one table answers both the syscall and the process rows. */
    private final SyscallTally syscalls;
    private final OpenTally opens = new OpenTally();
    private final KillTally kills = new KillTally();
    private final FailureTally failures = new FailureTally();
    private final EventSpan span = new EventSpan();
    private final ContextTally context;

    public SummaryAggregate(SyscallSource source) {
        this.syscalls = new SyscallTally(source, 0, false, SyscallGrouping.PROCESS_SYSCALL);
        this.context = new ContextTally(source);
    }

    @Override
    public Set<OptionalField> reads() {
        return RecordVisitor.readsOf(families, syscalls, opens, kills, failures, context);
    }

    /** Every record counts for its family, then goes to the tallies of its family's method. */
    @Override
    public <R extends SpecificRecord> void record(Recording recording, FamilyDescriptor<R> family, R record) {
        families.record(recording, family, record);
        family.visit(this, recording, record);
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount count) {
        syscalls.syscallCount(recording, count);
        context.syscallCount(recording, count);
        span.add(recording, count.getIntervalStartNs());
        span.add(recording, count.getIntervalEndNs());
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent event) {
        syscalls.syscallEvent(recording, event);
        context.syscallEvent(recording, event);
        failures.syscallEvent(recording, event);
        span.add(recording, event.getHeader().getTsNs());
    }

    @Override
    public void open(Recording recording, OpenEvent event) {
        opens.open(recording, event);
        context.open(recording, event);
        failures.open(recording, event);
        span.add(recording, event.getHeader().getTsNs());
    }

    @Override
    public void proc(Recording recording, ProcEvent event) {
        context.proc(recording, event);
    }

    @Override
    public void kill(Recording recording, KillEvent event) {
        kills.kill(recording, event);
        context.kill(recording, event);
        span.add(recording, event.getHeader().getTsNs());
    }

    public void merge(SummaryAggregate other) {
        families.merge(other.families);
        syscalls.merge(other.syscalls);
        opens.merge(other.opens);
        kills.merge(other.kills);
        failures.merge(other.failures);
        span.merge(other.span);
        context.merge(other.context);
    }

    /** Commands and services by what their processes did. */
    public ContextTally context() {
        return context;
    }

    /** First and last event read per recording. */
    public EventSpan span() {
        return span;
    }

    public FamilyTally families() {
        return families;
    }

    /** Syscalls per process and syscall, for rows grouped by either. */
    public SyscallTally syscalls() {
        return syscalls;
    }

    public OpenTally opens() {
        return opens;
    }

    public KillTally kills() {
        return kills;
    }

    /** Failed opens per path and failed syscall events per syscall, by errno. */
    public FailureTally failures() {
        return failures;
    }

    /** Processes by everything they did (syscalls + opens + signals sent), most active first. */
    public List<ProcessActivity> topProcesses() {
        Map<ProcessKey, long[]> activity = new HashMap<>();
        for (SyscallRow row : syscalls.rows(SyscallGrouping.PROCESS, SyscallOrder.COUNT)) {
            activity.computeIfAbsent(new ProcessKey(row.recording(), row.pid(), row.comm()), k -> new long[3])[0] +=
                    row.stats().count();
        }
        for (Tally.Entry<ProcessKey> entry : opens.processes().top(false)) {
            activity.computeIfAbsent(entry.key(), k -> new long[3])[1] += entry.total();
        }
        for (Tally.Entry<ProcessKey> entry : kills.senders().top(false)) {
            activity.computeIfAbsent(entry.key(), k -> new long[3])[2] += entry.total();
        }
        List<ProcessActivity> rows = new ArrayList<>();
        activity.forEach((key, c) -> rows.add(new ProcessActivity(key, c[0], c[1], c[2])));
        rows.sort(Comparator.comparingLong((ProcessActivity p) -> -p.total()).thenComparing(ProcessActivity::process));
        return rows;
    }
}
