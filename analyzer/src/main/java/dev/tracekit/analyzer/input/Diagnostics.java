package dev.tracekit.analyzer.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings met while reading, collected from every reading thread and printed once the result is out.
 * A warning that says input was lost marks the whole result partial (exit code 1).
 */
public final class Diagnostics {
    private final List<String> warnings = new ArrayList<>();
    private boolean partial;

    /** Input was skipped or cut short: the result does not cover everything that was recorded. */
    public synchronized void inputLost(String warning) {
        warnings.add(warning);
        partial = true;
    }

    /** Something worth saying that does not make the result partial. */
    public synchronized void note(String warning) {
        warnings.add(warning);
    }

    /** A file whose framing ends early (a crash mid-write) or breaks: what came before it was read. */
    public void truncated(String file, long offset, String reason, long recordsRead) {
        inputLost(truncatedWarning(file, offset, reason, recordsRead));
    }

    static String truncatedWarning(String file, long offset, String reason, long recordsRead) {
        return file + ": truncated or corrupt at byte offset " + offset + " (" + reason + "); read "
                + String.format("%,d", recordsRead) + " records before it";
    }

    /** A block whose frame is intact but whose content does not decompress or decode; it is skipped. */
    public void badBlock(String file, long offset, String reason) {
        inputLost(file + ": block at byte offset " + offset + " unreadable (" + reason + "); skipped");
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    public synchronized boolean partial() {
        return partial;
    }
}
