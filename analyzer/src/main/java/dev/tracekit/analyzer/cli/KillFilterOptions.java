package dev.tracekit.analyzer.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The kills verb's own filters (sigsnoop's {@code -k}, TPID and TCOMM), for the analyzer's kills verb and the
 * fleet's: each adds to the verb's {@link FilterOptions}, so the one {@code FilterSpec} carries them.
 */
public final class KillFilterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec verb;

    /** The syscalls libbpf-tools' sigsnoop -k and killsnoop trace: not rt_(tg)sigqueueinfo, not kernel signals. */
    @Option(names = {"-k", "--kill"}, description = "Only signals sent by kill, tkill and tgkill (sigsnoop -k, killsnoop); "
            + "same as --syscall kill,tkill,tgkill.")
    void killSyscallsOnly(boolean on) {
        if (on) {
            FilterOptions.of(verb).syscalls.addAll(List.of("kill", "tkill", "tgkill"));
        }
    }

    @Option(names = "--tpid", split = ",", paramLabel = "PID", description = "Only signals to these target processes (sigsnoop's TPID).")
    void targetPids(List<Integer> pids) {
        FilterOptions.of(verb).targetPids.addAll(pids);
    }

    @Option(names = "--target-comm", split = ",", paramLabel = "NAME",
            description = "Only signals to processes of this name at the signal (TCOMM), e.g. nginx: who sent SIGTERM to nginx?")
    void targetComms(List<String> names) {
        FilterOptions.of(verb).targetComms.addAll(names);
    }
}
