package dev.tracekit.recorder;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGINT and SIGTERM ask the recording loop to stop instead of killing the JVM, so it can detach,
 * drain the rings, write the last interval and close its files. A shutdown hook could not do that safely: by
 * then the JVM is already exiting and System.exit would block. Closing restores the previous handlers, so a
 * second Ctrl-C during the final bundling still ends the process.
 */
final class StopSignals implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private static final Signal TERM = new Signal("TERM");

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private volatile boolean requested;

    private StopSignals() {
        previousInt = Signal.handle(INT, signal -> requested = true);
        previousTerm = Signal.handle(TERM, signal -> requested = true);
    }

    static StopSignals install() {
        return new StopSignals();
    }

    boolean requested() {
        return requested;
    }

    @Override
    public void close() {
        Signal.handle(INT, previousInt);
        Signal.handle(TERM, previousTerm);
    }
}
