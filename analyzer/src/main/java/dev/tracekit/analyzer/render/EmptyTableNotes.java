package dev.tracekit.analyzer.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds notes under the first table that ends without a row: why a result is empty, said once, where it
 * shows.
 */
public final class EmptyTableNotes implements TableWriter {
    private final TableWriter next;
    private final List<String> notes;
    private long rows;
    private boolean said;

    public EmptyTableNotes(TableWriter next, List<String> notes) {
        this.next = next;
        this.notes = List.copyOf(notes);
    }

    /** The writer itself when there is nothing to add. */
    public static TableWriter wrap(TableWriter next, List<String> notes) {
        return notes.isEmpty() ? next : new EmptyTableNotes(next, notes);
    }

    @Override
    public void begin(TableSpec table) {
        rows = 0;
        next.begin(table);
    }

    @Override
    public void row(List<?> values) {
        rows++;
        next.row(values);
    }

    @Override
    public void end(List<String> tableNotes) {
        if (rows > 0 || said) {
            next.end(tableNotes);
            return;
        }
        said = true;
        List<String> all = new ArrayList<>(tableNotes);
        all.addAll(notes);
        next.end(all);
    }

    @Override
    public void finish() {
        next.finish();
    }

    @Override
    public boolean broken() {
        return next.broken();
    }
}
