package dev.tracekit.recorder;

import sun.misc.Signal;

/**
 * SIGINT and SIGTERM ask the recording loop to stop instead of killing the JVM, so it can detach, drain
 * the rings, write the last interval and close its files. A shutdown hook could not do that safely: by
 * then the JVM is already exiting and System.exit would block.
 */
final class StopSignals {
    private volatile boolean requested;

    static StopSignals install() {
        StopSignals stop = new StopSignals();
        Signal.handle(new Signal("INT"), signal -> stop.requested = true);
        Signal.handle(new Signal("TERM"), signal -> stop.requested = true);
        return stop;
    }

    boolean requested() {
        return requested;
    }
}
