package dev.tracekit.recorder;

import dev.tracekit.recorder.ffm.Libc;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGINT, SIGTERM and SIGHUP ask the recording loop to stop instead of killing the JVM, so it can
 * stop the programs, drain the rings, write the last interval, close its files and bundle them. A shutdown hook could not
 * do that safely: by then the JVM is already exiting and System.exit would block. They stay installed until the
 * last interval is written and the recording marked closed, so an impatient second Ctrl-C cannot lose it; closing
 * then restores the previous handlers, so a second signal during the final bundling still ends the process.
 *
 * <p>A job started in the background of a non-interactive shell inherits SIGINT ignored, and the JVM then
 * silently declines to handle it. perf, bpftrace and libbpf-tools install their SIGINT handler regardless, so
 * {@code kill -INT} stops them there; so it does this recorder. SIGHUP inherited ignored is left ignored: that
 * is what {@code nohup} asks for.
 */
final class StopSignals implements AutoCloseable {
    static final String DESCRIPTION = "SIGINT, SIGTERM or SIGHUP stops";
    private static final int SIGINT = 2;
    private static final Signal INT = new Signal("INT");
    private static final Signal TERM = new Signal("TERM");
    private static final Signal HUP = new Signal("HUP");

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private final SignalHandler previousHup;
    private final int wakeFd = Libc.eventfd();
    private volatile boolean requested;

    private StopSignals() {
        SignalHandler stop = signal -> {
            requested = true;
            Libc.signalEventfd(wakeFd);
        };
        SignalHandler inheritedInt = Signal.handle(INT, stop);
        if (inheritedInt == SignalHandler.SIG_IGN) {
            Libc.defaultSignalAction(SIGINT);
            Signal.handle(INT, stop);
            inheritedInt = SignalHandler.SIG_DFL; // once stopping is asked for, a second SIGINT ends the process
        }
        previousInt = inheritedInt;
        previousTerm = Signal.handle(TERM, stop);
        previousHup = Signal.handle(HUP, stop);
    }

    static StopSignals install() {
        return new StopSignals();
    }

    boolean requested() {
        return requested;
    }

    /**
     * Readable once a stop was asked for: the JVM handles signals on a thread of its own, so the recording loop's
     * wait is not interrupted by them and would otherwise last its whole timeout.
     */
    int wakeFd() {
        return wakeFd;
    }

    @Override
    public void close() {
        Signal.handle(INT, previousInt);
        Signal.handle(TERM, previousTerm);
        Signal.handle(HUP, previousHup);
        Libc.close(wakeFd);
    }
}
