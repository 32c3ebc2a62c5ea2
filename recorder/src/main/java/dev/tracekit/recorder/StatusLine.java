package dev.tracekit.recorder;

import dev.tracekit.recorder.output.RecordingOutput;
import dev.tracekit.recording.RecordingStream;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The once-a-second status on stderr, and the summary line at the end. */
final class StatusLine {
    private static final long SECOND_NS = 1_000_000_000L;

    /** How the status is shown: not at all, rewritten in place on a terminal, or as one line per second. */
    enum Mode {
        OFF, TERMINAL, LINES
    }

    private final PrintWriter err;
    private final Mode mode;
    private final RecordingOutput output;
    private final Map<RecordingStream, Long> before = new EnumMap<>(RecordingStream.class);
    private long lastNs;

    StatusLine(PrintWriter err, Mode mode, RecordingOutput output, long startNs) {
        this.err = err;
        this.mode = mode;
        this.output = output;
        this.lastNs = startNs;
    }

    void maybePrint(long nowNs, long lost) {
        if (mode == Mode.OFF || nowNs - lastNs < SECOND_NS) {
            return;
        }
        double seconds = (nowNs - lastNs) / 1e9;
        StringJoiner line = new StringJoiner("  ", mode == Mode.TERMINAL ? "\r" : "tracekit record: status: ", "");
        for (RecordingStream stream : RecordingStream.values()) {
            if (stream != RecordingStream.INTERVALS && output.has(stream)) {
                long records = output.records(stream);
                line.add(String.format(Locale.ROOT, "%s %.0f/s", stream.prefix(),
                        (records - before.getOrDefault(stream, 0L)) / seconds));
                before.put(stream, records);
            }
        }
        line.add(bytes(output.bytesWritten()) + " written");
        line.add(lost + " lost");
        if (mode == Mode.TERMINAL) {
            err.print(line + "\u001b[K"); // erase what a longer previous line left
        } else {
            err.println(line);
        }
        err.flush();
        lastNs = nowNs;
    }

    /** The last line of a run: how long, what was kept per stream, what was lost, how much, where. */
    static void printSummary(PrintWriter err, boolean terminal, RecordingOutput output, long elapsedNs, long lost,
            String where) {
        if (terminal) {
            err.print("\r\u001b[K"); // clear the status line
        }
        StringJoiner parts = new StringJoiner(", ");
        for (RecordingStream stream : RecordingStream.values()) {
            if (stream != RecordingStream.INTERVALS && output.has(stream)) {
                parts.add(output.records(stream) + " " + stream.prefix());
            }
        }
        err.printf(Locale.ROOT, "tracekit record: %.1f s, %s, %d lost, %s in %s%n",
                elapsedNs / 1e9, parts, lost, bytes(output.bytesWritten()), where);
        err.flush();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
