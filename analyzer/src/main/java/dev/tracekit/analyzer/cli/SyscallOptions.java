package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.analyzer.aggregate.SyscallGrouping;
import dev.tracekit.analyzer.aggregate.SyscallOrder;
import dev.tracekit.analyzer.filter.Durations;
import java.util.Locale;
import picocli.CommandLine.Option;

/** syscount's options (grouping, latency, order, top N, windows): the analyzer's and the fleet's {@code syscalls}. */
public final class SyscallOptions {
    @Option(names = "--by", paramLabel = "KEY", defaultValue = "syscall",
            description = "syscall, process or process,syscall. Default: ${DEFAULT-VALUE}.")
    String by;

    @Option(names = "-P", description = "Per process (syscount -P); same as --by process.")
    boolean perProcess;

    @Option(names = {"-L", "--latency"}, description = "Show total and average latency; top by latency (syscount -L).")
    boolean latency;

    @Option(names = "--sort", paramLabel = "ORDER", description = "count, errors or latency (default count, latency with -L).")
    SyscallOrder sort;

    @Option(names = {"-T", "--top"}, paramLabel = "N", description = "Show the top N rows (syscount -T); same as --limit.")
    Integer top;

    @Option(names = {"-i", "--interval"}, paramLabel = "DURATION",
            description = "Time series: figures and rate per window of this length (e.g. 1s, 10s, 1m, or seconds as "
                    + "syscount -i takes them: 5), top N per window.")
    String interval;

    public SyscallGrouping grouping() {
        if (perProcess) {
            return SyscallGrouping.PROCESS;
        }
        return switch (by.strip().toLowerCase(Locale.ROOT).replace(" ", "")) {
            case "syscall" -> SyscallGrouping.SYSCALL;
            case "process" -> SyscallGrouping.PROCESS;
            case "process,syscall", "syscall,process" -> SyscallGrouping.PROCESS_SYSCALL;
            default -> throw TracekitException.badInput("bad --by '" + by + "': use syscall, process or process,syscall");
        };
    }

    public SyscallOrder order() {
        return sort != null ? sort : latency ? SyscallOrder.LATENCY : SyscallOrder.COUNT;
    }

    public boolean latency() {
        return latency;
    }

    /** Width of the time windows, 0 without {@code --interval}. */
    public long windowNs() {
        return interval == null ? 0 : Durations.parse(interval);
    }

    /** Rows per listing: {@code -T}, else {@code limit}. */
    public int limitOr(int limit) {
        return top != null ? top : limit;
    }
}
