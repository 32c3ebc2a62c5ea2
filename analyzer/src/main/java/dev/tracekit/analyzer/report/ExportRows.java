package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.OpenPaths;
import dev.tracekit.analyzer.input.RecordVisitor;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.analyzer.render.Column;
import dev.tracekit.analyzer.render.ColumnKind;
import dev.tracekit.analyzer.render.TableSpec;
import dev.tracekit.analyzer.render.TableWriter;
import dev.tracekit.names.Errnos;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every field of one family's records, flat, for jq, DuckDB and spreadsheets: the schema's field names
 * (the header's fields without the {@code header.} prefix), decoded names beside raw numbers, and the host
 * and recording each record came from.
 */
public final class ExportRows implements RecordVisitor {
    private static final List<Column> HEADER = List.of(
            new Column("TIME", "ts_ns", ColumnKind.TIME),
            new Column("PID", "pid", ColumnKind.NUMBER),
            new Column("TID", "tid", ColumnKind.NUMBER),
            new Column("UID", "uid", ColumnKind.NUMBER),
            new Column("GID", "gid", ColumnKind.NUMBER),
            new Column("COMM", "comm", ColumnKind.BYTES),
            new Column("CGROUP", "cgroup_id", ColumnKind.NUMBER),
            new Column("CPU", "cpu", ColumnKind.NUMBER));

    private final RecordingStream stream;
    private final TableWriter out;

    public ExportRows(RecordingStream stream, TableWriter out) {
        this.stream = stream;
        this.out = out;
    }

    public void begin() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("HOST", "host", ColumnKind.TEXT),
                new Column("RECORDING", "recording_id", ColumnKind.TEXT)));
        switch (stream) {
            case OPENS -> {
                columns.addAll(HEADER);
                columns.addAll(List.of(
                        new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                        new Column("DIRFD", "dirfd", ColumnKind.NUMBER),
                        new Column("PATH", "path", ColumnKind.BYTES),
                        new Column("TRUNCATED", "path_truncated", ColumnKind.BOOLEAN),
                        new Column("FLAGS", "flags", ColumnKind.NAMED),
                        new Column("MODE", "mode", ColumnKind.NUMBER),
                        new Column("RESOLVE", "resolve", ColumnKind.NUMBER),
                        new Column("RESULT", "result", ColumnKind.NUMBER),
                        new Column("ERRNO", "errno", ColumnKind.NAMED),
                        new Column("FULL_PATH", "full_path", ColumnKind.BYTES),
                        new Column("FULL_PATH_STATUS", "full_path_status", ColumnKind.TEXT)));
            }
            case KILLS -> {
                columns.addAll(HEADER);
                columns.addAll(List.of(
                        new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                        new Column("TPID", "target_pid", ColumnKind.NUMBER),
                        new Column("TTID", "target_tid", ColumnKind.NUMBER),
                        new Column("SIG", "signal", ColumnKind.NAMED),
                        new Column("RESULT", "result", ColumnKind.NAMED)));
            }
            case PROCS -> {
                columns.addAll(HEADER);
                columns.addAll(List.of(
                        new Column("KIND", "kind", ColumnKind.TEXT),
                        new Column("PPID", "ppid", ColumnKind.NUMBER),
                        new Column("FILENAME", "filename", ColumnKind.BYTES),
                        new Column("ARGV", "argv", ColumnKind.BYTES),
                        new Column("ARGV_TRUNCATED", "argv_truncated", ColumnKind.BOOLEAN),
                        new Column("OLD_PID", "old_pid", ColumnKind.NUMBER),
                        new Column("PARENT_PID", "parent_pid", ColumnKind.NUMBER),
                        new Column("PARENT_TID", "parent_tid", ColumnKind.NUMBER),
                        new Column("CHILD_PID", "child_pid", ColumnKind.NUMBER),
                        new Column("CHILD_TID", "child_tid", ColumnKind.NUMBER),
                        new Column("CHILD_IS_THREAD", "child_is_thread", ColumnKind.BOOLEAN),
                        new Column("EXIT_CODE", "exit_code", ColumnKind.NUMBER),
                        new Column("EXIT_SIGNAL", "exit_signal", ColumnKind.NAMED),
                        new Column("CORE_DUMPED", "core_dumped", ColumnKind.BOOLEAN),
                        new Column("LAST_THREAD", "last_thread", ColumnKind.BOOLEAN),
                        new Column("RENAMED_TID", "renamed_tid", ColumnKind.NUMBER),
                        new Column("OLD_COMM", "old_comm", ColumnKind.BYTES),
                        new Column("NEW_COMM", "new_comm", ColumnKind.BYTES),
                        new Column("NEW_CGROUP_ID", "new_cgroup_id", ColumnKind.NUMBER),
                        new Column("CGROUP_PATH", "cgroup_path", ColumnKind.BYTES)));
            }
            case SYSCALL_EVENTS -> {
                columns.addAll(HEADER);
                columns.addAll(List.of(
                        new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                        new Column("ARGS", "arg", ColumnKind.ARGS),
                        new Column("RET", "ret", ColumnKind.NUMBER),
                        new Column("ERRNO", "errno", ColumnKind.NAMED),
                        new Column("DURATION", "duration_ns", ColumnKind.DURATION)));
            }
            case SYSCALL_COUNTS -> columns.addAll(List.of(
                    new Column("START", "interval_start_ns", ColumnKind.TIME),
                    new Column("END", "interval_end_ns", ColumnKind.TIME),
                    new Column("PID", "pid", ColumnKind.NUMBER),
                    new Column("COMM", "comm", ColumnKind.BYTES),
                    new Column("SYSCALL", "syscall", ColumnKind.NAMED),
                    new Column("COUNT", "count", ColumnKind.COUNT),
                    new Column("ERRORS", "errors", ColumnKind.COUNT),
                    new Column("LATENCY", "latency_total_ns", ColumnKind.DURATION),
                    new Column("HISTOGRAM", "latency_log2_hist", ColumnKind.TEXT)));
            case INTERVALS -> throw new IllegalArgumentException("interval statistics are not exported as events");
        }
        out.begin(new TableSpec(stream.prefix(), null, columns, true));
    }

    private List<Object> head(Recording recording, EventHeader h) {
        return new ArrayList<>(Arrays.asList(recording.host(), recording.meta().recordingId(),
                ReportContext.time(recording, h.getTsNs()), (long) h.getPid(), (long) h.getTid(), h.getUid(),
                h.getGid(), ReportContext.bytes(h.getComm()), h.getCgroupId(), (long) h.getCpu()));
    }

    @Override
    public void open(Recording recording, OpenEvent e) {
        List<Object> row = head(recording, e.getHeader());
        row.addAll(Arrays.asList(Names.openSyscall(recording, e.getSyscall()), (long) e.getDirfd(), ReportContext.bytes(e.getPath()),
                e.getPathTruncated(), Names.openFlags(recording, e.getFlags()), Names.openMode(recording, e), e.getResolve(),
                (long) e.getResult(), Names.errno(e.getResult() < 0 ? -e.getResult() : 0),
                ReportContext.bytes(OpenPaths.full(e)), e.getFullPathStatus().name().toLowerCase(Locale.ROOT)));
        out.row(row);
    }

    @Override
    public void kill(Recording recording, KillEvent e) {
        List<Object> row = head(recording, e.getHeader());
        row.addAll(Arrays.asList(Names.killSyscall(recording, e.getSyscall()), (long) e.getTargetPid(), (long) e.getTargetTid(),
                Names.signal(e.getSignal()), Names.killResult(e)));
        out.row(row);
    }

    /** argv keeps its NULs: exact in NDJSON, escaped (\\x00) in CSV. */
    @Override
    public void proc(Recording recording, ProcEvent e) {
        List<Object> row = head(recording, e.getHeader());
        row.addAll(Arrays.asList(e.getKind().name(), (long) e.getPpid(), ReportContext.bytes(e.getFilename()),
                ReportContext.bytes(e.getArgv()), e.getArgvTruncated(), ReportContext.number(e.getOldPid()),
                ReportContext.number(e.getParentPid()), ReportContext.number(e.getParentTid()),
                ReportContext.number(e.getChildPid()), ReportContext.number(e.getChildTid()), e.getChildIsThread(),
                ReportContext.number(e.getExitCode()), e.getExitSignal() == null ? null : Names.signal(e.getExitSignal()),
                e.getCoreDumped(), e.getLastThread(), ReportContext.number(e.getRenamedTid()),
                ReportContext.bytes(e.getOldComm()), ReportContext.bytes(e.getNewComm()), e.getNewCgroupId(),
                ReportContext.bytes(e.getCgroupPath())));
        out.row(row);
    }

    @Override
    public void syscallEvent(Recording recording, SyscallEvent e) {
        List<Object> row = head(recording, e.getHeader());
        row.addAll(Arrays.asList(Names.syscall(recording, e.getSyscall(), e.getAbi()),
                new long[] {e.getArg0(), e.getArg1(), e.getArg2(), e.getArg3(), e.getArg4(), e.getArg5()},
                e.getRet(), Names.errno(Errnos.ofReturnValue(e.getRet())), e.getDurationNs()));
        out.row(row);
    }

    @Override
    public void syscallCount(Recording recording, SyscallCount c) {
        List<Long> histogram = c.getLatencyLog2Hist();
        out.row(Arrays.asList(recording.host(), recording.meta().recordingId(),
                ReportContext.time(recording, c.getIntervalStartNs()), ReportContext.time(recording, c.getIntervalEndNs()),
                (long) c.getPid(), ReportContext.bytes(c.getComm()), Names.syscall(recording, c.getSyscall(), c.getAbi()),
                c.getCount(), c.getErrors(), c.getLatencyTotalNs(),
                histogram == null ? null : histogram.stream().map(String::valueOf).collect(Collectors.joining(" "))));
    }

    @Override
    public boolean wantsMore() {
        return !out.broken();
    }

    public void end() {
        out.end(List.of());
    }
}
