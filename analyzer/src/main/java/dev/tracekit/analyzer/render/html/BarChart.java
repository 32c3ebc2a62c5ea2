package dev.tracekit.analyzer.render.html;

import java.util.List;

/**
 * Horizontal bars, each split into parts (calls that succeeded and failed, or syscalls, opens and signals of a
 * process), largest first as given.
 *
 * @param parts what each segment of a bar counts, in drawing order
 * @param bars  the bars; labels are display text (already made safe from the data's bytes), not yet escaped
 */
public record BarChart(String title, List<Part> parts, List<Bar> bars) implements Chart {
    public record Part(String name, Tone tone) {
    }

    /** @param values one per part */
    public record Bar(String label, List<Long> values) {
        long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }
}
