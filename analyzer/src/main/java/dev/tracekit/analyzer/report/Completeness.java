package dev.tracekit.analyzer.report;

import dev.tracekit.analyzer.input.Losses;
import dev.tracekit.analyzer.input.Recording;
import dev.tracekit.schema.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** How much of a family a recording kept, and the note that says so under results it affects. */
final class Completeness {
    private Completeness() {
    }

    /**
     * The share of a family's events that reached the result: those the recorder lost, and those it wrote
     * that could not be read back (a damaged file), are missing alike.
     */
    static double percent(long written, long lost, long unreadable) {
        return Losses.completenessPercent(written - unreadable, lost + unreadable);
    }

    /** One note per recording that lost events of the family its figures come from. */
    static List<String> notes(List<Recording> recordings, Function<Recording, Family> family) {
        List<String> notes = new ArrayList<>();
        for (Recording r : recordings) {
            Family f = family.apply(r);
            long lost = r.losses().lost(f);
            if (lost > 0) {
                notes.add(String.format(Locale.ROOT, "%s lost %,d %s events (%.2f%% complete): figures may be low",
                        r.host(), lost, f.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        Losses.completenessPercent(r.losses().written(f), lost)));
            }
        }
        return notes;
    }
}
