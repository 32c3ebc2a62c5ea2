package dev.tracekit.recorder;

import dev.tracekit.recorder.ffm.RingBufferPoller;

/**
 * A child process for {@link StopSignalsTest}: installs the recorder's stop signals, says so, and waits for a
 * stop request as the recording loop does, in a poll whose timeout is 20 s; exits 0 once a stop woke that wait
 * within 10 s, 3 otherwise.
 */
public final class StopSignalsProbe {
    private static final long WAIT_NS = 20_000_000_000L;

    private StopSignalsProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (StopSignals stop = StopSignals.install(); RingBufferPoller poller = new RingBufferPoller(record -> { })) {
            poller.wakeOn(stop.wakeFd());
            System.out.println("ready");
            System.out.flush();
            long startNs = System.nanoTime();
            while (!stop.requested() && System.nanoTime() - startNs < WAIT_NS) {
                poller.poll(20_000); // returns early only when woken (or interrupted)
            }
            boolean woken = stop.requested() && System.nanoTime() - startNs < WAIT_NS / 2;
            System.out.println(woken ? "stop requested" : stop.requested() ? "stop seen only when the poll timed out"
                    : "no stop request");
            System.exit(woken ? 0 : 3);
        }
    }
}
