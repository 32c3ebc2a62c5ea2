package dev.tracekit.recorder.kernel;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A {@code tracekit record} a test started, in this JVM or in a child process: what it printed, whether it ended. */
interface RunningRecorder {
    /** Everything written to stderr so far. */
    String err();

    /** The exit code once it has ended. */
    OptionalInt exitCode();

    /** Waits until stderr holds {@code text}; fails when the recorder ends first or the time is up. */
    default void awaitErr(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!err().contains(text)) {
            OptionalInt exit = exitCode();
            if (exit.isPresent()) {
                throw new AssertionError("recorder ended (exit " + exit.getAsInt() + ") before '" + text + "': " + err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' from the recorder within " + seconds + " s: " + err());
            }
            Thread.sleep(20);
        }
    }
}
