package dev.tracekit.fleet.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.tracekit.analyzer.input.Losses;
import dev.tracekit.schema.Drop;
import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one recording's interval statistics say, as the analyzer's {@code Recording} and {@code Losses} read
 * them: its span on the boot clock, events the recorder wrote and lost per family, and syscalls the
 * in-kernel count map had no room for. Computed for all recordings by one Spark pass over the intervals
 * stream; the result is a handful of numbers per recording, kept on the driver.
 *
 * @param startBootNs the first interval's start, empty without interval rows
 * @param endBootNs   the last interval's end, empty without interval rows
 */
public record IntervalFacts(OptionalLong startBootNs, OptionalLong endBootNs, Map<Family, Long> written,
        Map<Family, Long> lost, long countOverflows) {

    static final IntervalFacts NONE = new IntervalFacts(OptionalLong.empty(), OptionalLong.empty(), Map.of(),
            Map.of(), 0);

    public long written(Family family) {
        return written.getOrDefault(family, 0L);
    }

    public long lost(Family family) {
        return lost.getOrDefault(family, 0L);
    }

    /** Kept over kept + lost, in percent, as the analyzer says it. */
    public double completenessPercent(Family family) {
        return Losses.completenessPercent(written(family), lost(family));
    }

    /**
     * The facts as one interval row spanning the recording (none without interval rows); drops are summed
     * over CPUs (cpu -1).
     */
    public List<IntervalStats> asOneInterval() {
        if (startBootNs.isEmpty()) {
            return List.of();
        }
        Map<String, Long> events = new HashMap<>();
        written.forEach((family, n) -> events.put(family.name(), n));
        List<Drop> drops = new ArrayList<>();
        lost.forEach((family, n) -> drops.add(new Drop(family, -1, n)));
        return List.of(new IntervalStats(startBootNs.getAsLong(), endBootNs.getAsLong(), 0L, events, drops,
                countOverflows));
    }

    /** @param intervals the intervals stream with {@code recording_index} */
    static Map<Integer, IntervalFacts> of(Dataset<Row> intervals) {
        String index = StreamLoader.RECORDING_INDEX;
        Map<Integer, Row> spans = new HashMap<>();
        for (Row row : intervals.groupBy(index).agg(min("interval_start_ns").as("start"),
                max("interval_end_ns").as("end"), sum("count_overflows").as("overflows")).collectAsList()) {
            spans.put(row.getInt(0), row);
        }
        Map<Integer, Map<Family, Long>> written = byFamily(intervals
                .select(col(index), explode(col("events")).as(new String[] {"family", "n"}))
                .groupBy(index, "family").agg(sum("n")));
        Map<Integer, Map<Family, Long>> lost = byFamily(intervals
                .select(col(index), explode(col("drops")).as("drop"))
                .groupBy(col(index), col("drop.family").as("family")).agg(sum("drop.count")));
        Map<Integer, IntervalFacts> facts = new HashMap<>();
        spans.forEach((recording, span) -> facts.put(recording, new IntervalFacts(
                OptionalLong.of(span.getLong(1)), OptionalLong.of(span.getLong(2)),
                written.getOrDefault(recording, Map.of()), lost.getOrDefault(recording, Map.of()),
                span.getLong(3))));
        return facts;
    }

    /** Rows of (recording, family name, sum) as maps; names that are not a {@link Family} are ignored, as the analyzer does. */
    private static Map<Integer, Map<Family, Long>> byFamily(Dataset<Row> sums) {
        Map<Integer, Map<Family, Long>> out = new HashMap<>();
        for (Row row : sums.collectAsList()) {
            for (Family family : Family.values()) {
                if (family.name().equals(row.getString(1))) {
                    out.computeIfAbsent(row.getInt(0), r -> new EnumMap<>(Family.class)).put(family, row.getLong(2));
                }
            }
        }
        return out;
    }
}
