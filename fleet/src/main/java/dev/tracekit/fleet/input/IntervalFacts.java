package dev.tracekit.fleet.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
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
import org.apache.spark.sql.Column;
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

    /**
     * @param intervals the intervals stream with {@code recording_index}; spans, events written and drops are
     *                  summed in one job (each job costs a small recording more than its data does)
     */
    static Map<Integer, IntervalFacts> of(Dataset<Row> intervals) {
        String index = StreamLoader.RECORDING_INDEX;
        Column noFamily = lit(null).cast("string");
        Column noTime = lit(null).cast("long");
        Dataset<Row> parts = intervals
                .select(col(index), lit(SPAN).as("kind"), noFamily.as("family"), col("interval_start_ns").as("start"),
                        col("interval_end_ns").as("end"), col("count_overflows").as("n"))
                .unionByName(intervals.select(col(index), explode(col("events")).as(new String[] {"family", "n"}))
                        .select(col(index), lit(WRITTEN).as("kind"), col("family"), noTime.as("start"),
                                noTime.as("end"), col("n")))
                .unionByName(intervals.select(col(index), explode(col("drops")).as("drop"))
                        .select(col(index), lit(LOST).as("kind"), col("drop.family").as("family"), noTime.as("start"),
                                noTime.as("end"), col("drop.count").as("n")));
        Map<Integer, Row> spans = new HashMap<>();
        Map<Integer, Map<Family, Long>> written = new HashMap<>();
        Map<Integer, Map<Family, Long>> lost = new HashMap<>();
        for (Row row : parts.groupBy(index, "kind", "family")
                .agg(min("start"), max("end"), sum("n")).collectAsList()) {
            switch (row.getString(1)) {
                case SPAN -> spans.put(row.getInt(0), row);
                case WRITTEN -> addByFamily(written, row);
                default -> addByFamily(lost, row);
            }
        }
        Map<Integer, IntervalFacts> facts = new HashMap<>();
        spans.forEach((recording, span) -> facts.put(recording, new IntervalFacts(
                OptionalLong.of(span.getLong(3)), OptionalLong.of(span.getLong(4)),
                written.getOrDefault(recording, Map.of()), lost.getOrDefault(recording, Map.of()),
                span.getLong(5))));
        return facts;
    }

    private static final String SPAN = "span";
    private static final String WRITTEN = "written";
    private static final String LOST = "lost";

    /** A (recording, kind, family name, -, -, sum) row into the maps; names that are not a {@link Family} are ignored, as the analyzer does. */
    private static void addByFamily(Map<Integer, Map<Family, Long>> out, Row row) {
        for (Family family : Family.values()) {
            if (family.name().equals(row.getString(2))) {
                out.computeIfAbsent(row.getInt(0), r -> new EnumMap<>(Family.class)).put(family, row.getLong(5));
            }
        }
    }
}
