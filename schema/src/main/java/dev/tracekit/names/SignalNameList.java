package dev.tracekit.names;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every signal name {@link Signals#parse} accepts in its canonical form, SIGHUP to SIGRTMAX: what shell
 * completion offers for signal options (picocli's {@code completionCandidates} takes an {@code Iterable}).
 */
public final class SignalNameList implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (int signal = 1; signal <= Signals.SIGRTMAX; signal++) {
            names.add(Signals.name(signal));
        }
        return names.iterator();
    }
}
