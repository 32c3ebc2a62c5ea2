package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.tracekit.analyzer.filter.FilterSpec;
import dev.tracekit.fleet.input.FleetCatalog;
import dev.tracekit.fleet.input.FleetCatalog.RecordingColumns;
import dev.tracekit.fleet.input.FleetRecording;
import dev.tracekit.names.Arch;
import dev.tracekit.names.OpenFlags;
import dev.tracekit.names.SyscallTable;
import dev.tracekit.schema.KillSyscall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * The run's filters as one Spark predicate per family, applied to the records as they are read, before any
 * grouping: each says what the analyzer's {@code EventFilter} says of the same record. A filter on a field a family
 * does not have excludes the family (Spark then reads none of its files). The names that depend on the architecture
 * (syscalls, open flags) are resolved per architecture of the recordings; the time bounds are each recording's own
 * columns ({@link RecordingColumns#SINCE_NS}); {@code --host} leaves the other recordings' files unread
 * ({@link FleetCatalog#read}); --cgroup and --unit are decided per cgroup and --ppid and --exe per span of each
 * recording's process timeline, on the driver with the analyzer's {@code EventFilter} ({@link ProcessContext}).
 */
public final class EventPredicates {
    private final FilterSpec spec;
    /** The recordings' architectures as their headers spell them. */
    private final List<String> arches;
    private final ProcessContext context;

    private EventPredicates(FilterSpec spec, List<String> arches, ProcessContext context) {
        this.spec = spec;
        this.arches = arches;
        this.context = context;
    }

    /**
     * The catalog's filters as predicates; --cgroup and --unit ask the process context for each cgroup's verdict.
     */
    public static EventPredicates of(FleetCatalog catalog, ProcessContext context) {
        TreeSet<String> arches = new TreeSet<>();
        catalog.recordings().stream().map(FleetRecording::meta).forEach(meta -> arches.add(meta.arch()));
        return new EventPredicates(catalog.filters(), List.copyOf(arches), context);
    }

    /** With {@code --failed}, a count row stands for its failed calls only: count becomes errors, latency unknown. */
    boolean narrowsCountsToErrors() {
        return spec.failedOnly();
    }

    /** Per-event syscall records (columns as read: header, syscall, abi, ret). */
    Column syscallEvents() {
        Column ret = col("ret");
        Column errno = when(ret.between(-4095L, -1L), negate(ret)).otherwise(0L);
        return task("header").and(noOpenOnlyFilters()).and(noKillOnlyFilters()).and(lit(spec.signals().isEmpty()))
                .and(syscallNumbers()).and(failure(errno));
    }

    /** In-kernel counts: they carry no thread, user, cgroup or errno; with {@code --failed} only rows with errors. */
    Column syscallCounts() {
        if (!spec.tids().isEmpty() || !spec.uids().isEmpty() || !spec.errnos().isEmpty() || spec.readsCgroups()) {
            return lit(false);
        }
        return inTime(col("interval_start_ns")).and(noOpenOnlyFilters()).and(noKillOnlyFilters())
                .and(lit(spec.signals().isEmpty()))
                .and(pid(col("pid"))).and(comm(col("comm"))).and(syscallNumbers())
                .and(spec.failedOnly() ? col("errors").gt(0L) : lit(true));
    }

    /** Opens (columns as read): the path filters go by the full path where the recording has one. */
    Column opens() {
        Column result = col("result");
        return task("header").and(noKillOnlyFilters()).and(lit(spec.signals().isEmpty())).and(syscallNames())
                .and(failure(when(result.lt(0), negate(result)).otherwise(0)))
                .and(flags()).and(path(coalesce(col("full_path"), col("path"))));
    }

    /**
     * Kills: a kernel-generated signal's result is a delivery code, not an errno, so it never fails; --tpid is its
     * target, kernel-generated or sent. The target's name (--target-comm) is asked where the rows meet the process
     * context ({@link ProcessContext#selectByTarget}).
     */
    Column kills() {
        Column result = col("result");
        Column errno = when(col("syscall").notEqual(KillSyscall.SIGNAL_GENERATE.name()).and(result.lt(0)),
                negate(result)).otherwise(0);
        return task("header").and(noOpenOnlyFilters())
                .and(spec.signals().isEmpty() ? lit(true) : col("signal").isin(spec.signals().toArray()))
                .and(syscallNames()).and(failure(errno))
                .and(spec.targetPids().isEmpty() ? lit(true) : col("target_pid").isin(spec.targetPids().toArray()));
    }

    /** Procs: {@code -x} keeps the exits by a non-zero code or a signal, {@code -s} the exits by those signals. */
    Column procs() {
        Column signal = col("exit_signal");
        Column code = col("exit_code");
        Column abnormal = signal.isNotNull().or(code.isNotNull().and(code.notEqual(0)));
        return task("header").and(noOpenOnlyFilters()).and(noKillOnlyFilters())
                .and(lit(spec.syscalls().isEmpty() && spec.errnos().isEmpty()))
                .and(spec.failedOnly() ? abnormal : lit(true))
                .and(spec.signals().isEmpty() ? lit(true) : signal.isNotNull().and(signal.isin(spec.signals().toArray())));
    }

    /**
     * Time, process, thread, user, cgroup and name: what every per-event record's header carries. Who the process
     * was (--ppid, --exe) is asked where the rows meet the process context ({@link ProcessContext#attach}).
     */
    private Column task(String header) {
        Column tid = col(header + ".tid");
        Column uid = col(header + ".uid");
        return inTime(col(header + ".ts_ns")).and(pid(col(header + ".pid")))
                .and(spec.tids().isEmpty() ? lit(true) : tid.isin(spec.tids().toArray()))
                .and(spec.uids().isEmpty() ? lit(true) : uid.isin(spec.uids().toArray()))
                .and(context.cgroupPasses(col(header + ".cgroup_id")))
                .and(comm(col(header + ".comm")));
    }

    private Column inTime(Column bootNs) {
        if (spec.since() == null && spec.until() == null) {
            return lit(true);
        }
        return bootNs.geq(col(RecordingColumns.SINCE_NS)).and(bootNs.lt(col(RecordingColumns.UNTIL_NS)));
    }

    private Column pid(Column pid) {
        return spec.pids().isEmpty() ? lit(true) : pid.isin(spec.pids().toArray());
    }

    /** -n against the raw bytes; --comm-regex found in the name decoded as UTF-8, as the analyzer decodes it. */
    private Column comm(Column comm) {
        Column byName = lit(spec.comms().isEmpty());
        for (String name : spec.comms()) {
            byName = byName.or(comm.equalTo(lit(name.getBytes(StandardCharsets.UTF_8))));
        }
        Pattern regex = spec.commRegex();
        if (regex == null) {
            return byName;
        }
        return byName.and(udf((UDF1<byte[], Boolean>) bytes -> regex.matcher(utf8(bytes)).find(), DataTypes.BooleanType)
                .apply(comm));
    }

    /** --syscall on syscall records: the numbers of each architecture's table, an ia32 call's by its key. */
    private Column syscallNumbers() {
        if (spec.syscalls().isEmpty()) {
            return lit(true);
        }
        Column key = SyscallFigures.syscallKey();
        Column known = lit(false);
        for (String arch : arches) {
            SyscallTable table = SyscallTable.of(Arch.parse(arch));
            List<Integer> numbers = new ArrayList<>();
            for (String name : spec.syscalls()) {
                // open means open whichever table a process called it through; ia32:open the ia32 one alone
                table.number(name).ifPresent(numbers::add);
                table.number("ia32:" + name).ifPresent(numbers::add);
            }
            known = when(col(RecordingColumns.ARCH).equalTo(arch), numbers.isEmpty() ? lit(false) : key.isin(numbers.toArray()))
                    .otherwise(known);
        }
        return known;
    }

    /** --syscall on opens and kills: the open or kill syscall's name. */
    private Column syscallNames() {
        return spec.syscalls().isEmpty() ? lit(true) : lower(col("syscall")).isin(spec.syscalls().toArray());
    }

    private Column failure(Column errno) {
        return (spec.failedOnly() ? errno.notEqual(0) : lit(true))
                .and(spec.errnos().isEmpty() ? lit(true) : errno.isin(spec.errnos().toArray()));
    }

    private Column noOpenOnlyFilters() {
        return lit(spec.pathGlob() == null && spec.pathRegex() == null && spec.flags().isEmpty());
    }

    /** A signal's target: what only kills carry. */
    private Column noKillOnlyFilters() {
        return lit(spec.targetPids().isEmpty() && spec.targetComms().isEmpty());
    }

    /** -f: every flag set, as the recording's architecture spells and numbers them. */
    private Column flags() {
        if (spec.flags().isEmpty()) {
            return lit(true);
        }
        String[] names = spec.flags().toArray(String[]::new);
        return udf((UDF2<String, Long, Boolean>) (arch, flags) -> {
            OpenFlags table = OpenFlags.of(Arch.parse(arch));
            for (String name : names) {
                if (!table.has(flags, name)) {
                    return false;
                }
            }
            return true;
        }, DataTypes.BooleanType).apply(col(RecordingColumns.ARCH), col("flags"));
    }

    /** --path over the whole path, --path-regex found in it, both on the path decoded as UTF-8. */
    private Column path(Column path) {
        Pattern glob = spec.pathGlob();
        Pattern regex = spec.pathRegex();
        if (glob == null && regex == null) {
            return lit(true);
        }
        return udf((UDF1<byte[], Boolean>) bytes -> {
            String text = utf8(bytes);
            return (glob == null || glob.matcher(text).matches()) && (regex == null || regex.matcher(text).find());
        }, DataTypes.BooleanType).apply(path);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
