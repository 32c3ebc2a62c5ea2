package dev.tracekit.recorder;

import dev.tracekit.recording.RecordingStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** What {@code --events} may ask for, and the recording stream each lands in. */
public enum EventFamily {
    SYSCALLS("syscalls", RecordingStream.SYSCALL_COUNTS),
    SYSCALL_EVENTS("syscall-events", RecordingStream.SYSCALL_EVENTS),
    OPENS("opens", RecordingStream.OPENS),
    KILLS("kills", RecordingStream.KILLS),
    /** execs, forks and clones, exits, renames: who the pids of the other families were. */
    PROCS("procs", RecordingStream.PROCS),
    /** signal:signal_generate: signals the kernel raises itself; stored with the kills. */
    KERNEL_SIGNALS("kernel-signals", RecordingStream.KILLS);

    private final String cliName;
    private final RecordingStream stream;

    EventFamily(String cliName, RecordingStream stream) {
        this.cliName = cliName;
        this.stream = stream;
    }

    public String cliName() {
        return cliName;
    }

    public RecordingStream stream() {
        return stream;
    }

    public static EventFamily parse(String name) {
        for (EventFamily family : values()) {
            if (family.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown event family '" + name
                + "' (use syscalls, syscall-events, opens, kills, procs, kernel-signals)");
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** The names {@code --events} takes, for shell completion. */
    public static final class CliNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(EventFamily::cliName).iterator();
        }
    }
}
