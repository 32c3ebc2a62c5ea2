package dev.tracekit.recorder;

/**
 * A child process for {@link StopSignalsTest}: installs the recorder's stop signals, says so, and waits for a
 * stop request; exits 0 once one came, 3 when none came within 20 s.
 */
public final class StopSignalsProbe {
    private StopSignalsProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (StopSignals stop = StopSignals.install()) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < 2000 && !stop.requested(); i++) {
                Thread.sleep(10);
            }
            System.out.println(stop.requested() ? "stop requested" : "no stop request");
            System.exit(stop.requested() ? 0 : 3);
        }
    }
}
