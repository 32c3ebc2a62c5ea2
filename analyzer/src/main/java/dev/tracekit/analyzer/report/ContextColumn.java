package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.ProcessTimeline;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import java.util.Locale;

/**
 * A column a replay or a top list of processes adds on request ({@code --with}) from who the event's process was at
 * the event (for a top list: the row's first event): the recording's
 * process snapshots and procs events ({@link ProcessTimeline}). Unknown values (a process neither snapshot nor
 * procs family saw) are empty, never guessed.
 */
public enum ContextColumn {
    /** The parent process. */
    PPID(new Column("PPID", "ppid", ColumnKind.NUMBER, 7)),
    /** The service the event's cgroup path names ({@code CgroupService#label}). */
    SERVICE(new Column("SERVICE", "service", ColumnKind.TEXT, 24)),
    /** The event's cgroup path, below the cgroup2 mount. */
    CGROUP(new Column("CGROUP", "cgroup", ColumnKind.BYTES, 32)),
    /** The executable. */
    EXE(new Column("EXE", "exe", ColumnKind.BYTES, 24)),
    /** The command line, arguments joined by spaces; put last, as wide as it comes. */
    CMD(new Column("CMD", "cmdline", ColumnKind.BYTES));

    private final Column column;

    ContextColumn(Column column) {
        this.column = column;
    }

    public Column column() {
        return column;
    }

    /** The --with spelling: ppid, service, cgroup, exe, cmd. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * This column's value for an event of process {@code pid} at {@code tsNs} in cgroup {@code cgroupId}, or, for a
     * count row (-1: it carries no cgroup), in the process's cgroup as the timeline knows it.
     */
    Object value(Recording recording, int pid, long tsNs, long cgroupId) {
        ProcessTimeline timeline = recording.timeline();
        long cgroup = cgroupId >= 0 ? cgroupId
                : timeline.at(pid, tsNs).map(ProcessTimeline.Process::cgroupId).orElse(0L);
        return switch (this) {
            case SERVICE -> timeline.service(cgroup).label();
            case CGROUP -> timeline.cgroupPath(cgroup).map(ReportContext::bytes).orElse(null);
            case PPID, EXE, CMD -> timeline.at(pid, tsNs).map(p -> switch (this) {
                case PPID -> (Object) (long) p.ppid();
                case EXE -> p.exe();
                default -> p.cmdline().length == 0 ? null : ProcessTimeline.joinedArgs(p.cmdline());
            }).orElse(null);
        };
    }
}
